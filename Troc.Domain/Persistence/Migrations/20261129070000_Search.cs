using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <summary>
    /// Full-text and fuzzy search of listings (see <see cref="Troc.Domain.Search.ListingSearch"/>). Everything here is
    /// SQL the EF model does not describe: the `listings.search_document` column (maintained by triggers) and
    /// `search_title` (generated) are only read by hand-written SQL, so the model (and its snapshot) leave them out on purpose.
    /// </summary>
    [DbContext(typeof(TrocDbContext))]
    [Migration("20261129070000_Search")]
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- French stemming on unaccented words ("Vélo" and "velo" are one word).
                CREATE TEXT SEARCH CONFIGURATION troc_french (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION troc_french
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

                -- unaccent() is only STABLE (its dictionary could change); with the dictionary named it is safe to index.
                CREATE FUNCTION troc_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

                -- What both documents and queries go through before troc_french: lower case, no accents, and the
                -- plural -s/-x of words of 4+ letters dropped (the French Snowball stemmer keeps "vélos" ≠ "vélo").
                CREATE FUNCTION troc_search_text(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN regexp_replace(lower(troc_unaccent($1)), '([[:alpha:]]{3,})[sx]\M', '\1', 'g');

                -- The weighted document: title (A), description (B), the category's and its parent's labels (C).
                CREATE FUNCTION listing_search_document(p_title text, p_description text, p_category_id integer) RETURNS tsvector
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$
                    SELECT setweight(to_tsvector('troc_french', troc_search_text(coalesce(p_title, ''))), 'A')
                        || setweight(to_tsvector('troc_french', troc_search_text(coalesce(p_description, ''))), 'B')
                        || setweight(to_tsvector('troc_french', troc_search_text(coalesce((
                               SELECT string_agg(c.label, ' ')
                               FROM categories c
                               WHERE c.id = p_category_id
                                  OR c.id = (SELECT s.parent_id FROM categories s WHERE s.id = p_category_id)), ''))), 'C')
                    $$;

                ALTER TABLE listings ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector;
                -- The folded title, stored once: typo matching and the exact-title bonus compare against it.
                ALTER TABLE listings ADD COLUMN search_title text GENERATED ALWAYS AS (troc_search_text(title)) STORED;

                CREATE FUNCTION listings_search_document_trigger() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        NEW.search_document := listing_search_document(NEW.title, NEW.description, NEW.category_id);
                        RETURN NEW;
                    END
                    $$;
                CREATE TRIGGER listings_search_document
                    BEFORE INSERT OR UPDATE OF title, description, category_id ON listings
                    FOR EACH ROW EXECUTE FUNCTION listings_search_document_trigger();

                -- A relabelled or moved category (catalogue sync) rewrites the documents of the listings filed under it.
                CREATE FUNCTION categories_search_document_trigger() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF NEW.label IS DISTINCT FROM OLD.label OR NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
                            UPDATE listings l
                            SET search_document = listing_search_document(l.title, l.description, l.category_id)
                            WHERE l.category_id = NEW.id
                               OR l.category_id IN (SELECT c.id FROM categories c WHERE c.parent_id = NEW.id);
                        END IF;
                        RETURN NULL;
                    END
                    $$;
                CREATE TRIGGER categories_search_document
                    AFTER UPDATE OF label, parent_id ON categories
                    FOR EACH ROW EXECUTE FUNCTION categories_search_document_trigger();

                UPDATE listings SET search_document = listing_search_document(title, description, category_id);

                CREATE INDEX ix_listings_search_document ON listings USING gin (search_document);
                -- Typo tolerance: trigrams of the folded title (word_similarity, <% operator).
                CREATE INDEX ix_listings_search_title_trgm ON listings USING gin (search_title gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_listings_search_title_trgm;
                DROP INDEX ix_listings_search_document;
                DROP TRIGGER categories_search_document ON categories;
                DROP FUNCTION categories_search_document_trigger();
                DROP TRIGGER listings_search_document ON listings;
                DROP FUNCTION listings_search_document_trigger();
                ALTER TABLE listings DROP COLUMN search_title;
                ALTER TABLE listings DROP COLUMN search_document;
                DROP FUNCTION listing_search_document(text, text, integer);
                DROP FUNCTION troc_search_text(text);
                DROP FUNCTION troc_unaccent(text);
                DROP TEXT SEARCH CONFIGURATION troc_french;
                """);
        }
    }
}
