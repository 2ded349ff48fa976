-- bench/peer: the side schema PostGraphile 4 is pointed at, created (and dropped) by the bench in troc_bench_search,
-- never by the app's migrations. It is what a PostGraphile user would write over Troc's tables: views that expose the
-- same tables without their private columns (no password hash, no exact location, the email only to its owner), smart
-- comments for the keys and relations views do not carry, and SQL functions for what PostGraphile cannot generate —
-- nearby text search, search facets, and the signed-in member from the JWT's claims. Simple views and inlinable
-- LANGUAGE sql STABLE functions: the planner sees through both, so PostGraphile's SQL reaches the same indexes as Troc's.
--
-- Also: bench_peer.sample_listings, the varied listing ids every engine's listing page reads, and two wants on each
-- of them (the generated data has none); bench/peer's teardown deletes those wants, then drops the schema.

CREATE SCHEMA bench_peer;

CREATE VIEW bench_peer.categories AS
    SELECT id, slug, label, parent_id, position FROM public.categories;
COMMENT ON VIEW bench_peer.categories IS E'@primaryKey id\n@foreignKey (parent_id) references bench_peer.categories (id)';

CREATE VIEW bench_peer.item_types AS
    SELECT id, slug, label, category_id FROM public.item_types;
COMMENT ON VIEW bench_peer.item_types IS E'@primaryKey id\n@foreignKey (category_id) references bench_peer.categories (id)';

-- Public profile only: the email is a computed column readable by its owner alone (bench_peer.users_email).
CREATE VIEW bench_peer.users AS
    SELECT id, display_name, created_at FROM public.users;
COMMENT ON VIEW bench_peer.users IS E'@primaryKey id';

-- The blurred point only, as coordinates (PostGraphile 4 has no PostGIS types without a plugin); never the exact one.
CREATE VIEW bench_peer.listings AS
    SELECT id, owner_id, title, description, category_id, condition, status, place_name, created_at, updated_at,
           ST_Y(public_location::geometry) AS latitude, ST_X(public_location::geometry) AS longitude
    FROM public.listings;
COMMENT ON VIEW bench_peer.listings IS E'@primaryKey id\n@foreignKey (owner_id) references bench_peer.users (id)\n@foreignKey (category_id) references bench_peer.categories (id)';

CREATE VIEW bench_peer.listing_wants AS
    SELECT listing_id, position, text, scope, category_id FROM public.listing_wants;
COMMENT ON VIEW bench_peer.listing_wants IS E'@primaryKey listing_id,position\n@foreignKey (listing_id) references bench_peer.listings (id)\n@foreignKey (category_id) references bench_peer.categories (id)';

CREATE VIEW bench_peer.listing_want_item_types AS
    SELECT listing_id, want_position, rank, item_type_id FROM public.listing_want_item_types;
COMMENT ON VIEW bench_peer.listing_want_item_types IS E'@primaryKey listing_id,want_position,rank\n@foreignKey (listing_id, want_position) references bench_peer.listing_wants (listing_id, position)\n@foreignKey (item_type_id) references bench_peer.item_types (id)';

-- Nearby text search, as the issue describes it: active listings whose document matches, within the radius (the
-- bounding box for the GiST index, then the exact spheroid test), nearest first by the KNN operator.
CREATE FUNCTION bench_peer.search_nearby(query text, latitude float8, longitude float8, radius_km float8)
RETURNS SETOF bench_peer.listings LANGUAGE sql STABLE AS $$
    SELECT l.id, l.owner_id, l.title, l.description, l.category_id, l.condition, l.status, l.place_name, l.created_at, l.updated_at,
           ST_Y(l.public_location::geometry), ST_X(l.public_location::geometry)
    FROM public.listings l
    WHERE l.status = 'Active'
      AND l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text(query))
      AND l.public_location && _ST_Expand(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography, radius_km * 1000)
      AND _ST_DWithin(l.public_location, ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography, radius_km * 1000, true)
    ORDER BY l.public_location <-> ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography
$$;

-- Text search over the whole country, newest first (PostGraphile adds totalCount to the connection by itself).
CREATE FUNCTION bench_peer.search_newest(query text)
RETURNS SETOF bench_peer.listings LANGUAGE sql STABLE AS $$
    SELECT l.id, l.owner_id, l.title, l.description, l.category_id, l.condition, l.status, l.place_name, l.created_at, l.updated_at,
           ST_Y(l.public_location::geometry), ST_X(l.public_location::geometry)
    FROM public.listings l
    WHERE l.status = 'Active'
      AND l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text(query))
    ORDER BY l.created_at DESC, l.id DESC
$$;

-- The facets of the same search: one row per subcategory and per condition with its count.
CREATE TYPE bench_peer.search_facet AS (kind text, key text, count integer);
CREATE FUNCTION bench_peer.search_facets(query text)
RETURNS SETOF bench_peer.search_facet LANGUAGE sql STABLE AS $$
    WITH matching AS (
        SELECT l.category_id, l.condition FROM public.listings l
        WHERE l.status = 'Active' AND l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text(query))
    )
    SELECT 'category', c.slug, count(*)::int FROM matching m JOIN public.categories c ON c.id = m.category_id GROUP BY c.slug
    UNION ALL
    SELECT 'condition', m.condition, count(*)::int FROM matching m GROUP BY m.condition
$$;

-- The signed-in member: the JWT's subject, if its session (the `sid` claim) is still open and the account not
-- suspended — what Troc checks on every authenticated request.
CREATE FUNCTION bench_peer.current_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT s.user_id FROM public.user_sessions s JOIN public.users u ON u.id = s.user_id
    WHERE s.id = nullif(current_setting('jwt.claims.sid', true), '')::uuid
      AND s.user_id = nullif(current_setting('jwt.claims.sub', true), '')::uuid
      AND s.revoked_at IS NULL AND u.suspended_at IS NULL
$$;

CREATE FUNCTION bench_peer.me() RETURNS bench_peer.users LANGUAGE sql STABLE AS $$
    SELECT * FROM bench_peer.users WHERE id = bench_peer.current_user_id()
$$;

-- Private fields, as computed columns that answer their owner only.
CREATE FUNCTION bench_peer.users_email(u bench_peer.users) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT email FROM public.users WHERE id = u.id AND id = bench_peer.current_user_id()
$$;
CREATE FUNCTION bench_peer.users_email_verified(u bench_peer.users) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT email_verified_at IS NOT NULL FROM public.users WHERE id = u.id AND id = bench_peer.current_user_id()
$$;

-- Varied listings for the listing page: 500 active listings spread over the table (by a hash of their id).
CREATE TABLE bench_peer.sample_listings (n integer PRIMARY KEY, id uuid NOT NULL UNIQUE);
COMMENT ON TABLE bench_peer.sample_listings IS E'@omit';
INSERT INTO bench_peer.sample_listings (n, id)
SELECT row_number() OVER (ORDER BY md5(id::text)), id FROM (
    SELECT id FROM public.listings WHERE status = 'Active' ORDER BY md5(id::text) LIMIT 500
) picked;

-- Two wants on each: « un vélo » for a resolved item type (when the catalogue has one) and a whole subcategory.
INSERT INTO public.listing_wants (listing_id, position, text, scope, category_id, chosen_by_owner, confidence)
SELECT s.id, 0, 'un vélo de ville', 'ItemTypes', NULL, false, 0.9 FROM bench_peer.sample_listings s
UNION ALL
SELECT s.id, 1, 'des livres', 'Subcategory', (SELECT id FROM public.categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1), false, 0.8
FROM bench_peer.sample_listings s;
INSERT INTO public.listing_want_item_types (listing_id, want_position, rank, item_type_id, confidence)
SELECT s.id, 0, 0, t.id, 0.9 FROM bench_peer.sample_listings s
CROSS JOIN (SELECT id FROM public.item_types WHERE slug LIKE 'velo%' ORDER BY id LIMIT 1) t;

ANALYZE bench_peer.sample_listings;
