using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <summary>
    /// Facets and totalCount around a point: the active listings' (category, condition) index also carries the blurred
    /// point, so counting a category within a radius is an index-only scan (see ListingSearch.CreateFacetsCommand).
    /// Hand-written SQL outside the EF model, like the Search migrations.
    /// </summary>
    [DbContext(typeof(TrocDbContext))]
    [Migration("20261129103000_SearchFacetsCovering")]
    public partial class SearchFacetsCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_listings_active_category_condition;
                CREATE INDEX ix_listings_active_category_condition ON listings (category_id, condition) INCLUDE (public_location) WHERE status = 'Active';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_listings_active_category_condition;
                CREATE INDEX ix_listings_active_category_condition ON listings (category_id, condition) WHERE status = 'Active';
                """);
        }
    }
}
