using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <summary>
    /// Search tuning measured on 100k listings (bench/search/README.md): hand-written SQL the EF model does not describe,
    /// like the Search migration before it.
    /// </summary>
    [DbContext(typeof(TrocDbContext))]
    [Migration("20261129100000_SearchTuning")]
    public partial class SearchTuning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- Facets and totalCount of broad searches (no text, the whole country: every active listing) read this
                -- narrow index only (index-only scan) instead of every row of the table.
                CREATE INDEX ix_listings_active_category_condition ON listings (category_id, condition) WHERE status = 'Active';
                -- searchSuggestions: active titles starting with a folded prefix, as a range of an index-only scan (the
                -- title rides along for display): « v » reads ~45 index pages instead of 4,000 rows.
                CREATE INDEX ix_listings_active_search_title_prefix ON listings (search_title text_pattern_ops) INCLUDE (title) WHERE status = 'Active';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_listings_active_search_title_prefix;
                DROP INDEX ix_listings_active_category_condition;
                """);
        }
    }
}
