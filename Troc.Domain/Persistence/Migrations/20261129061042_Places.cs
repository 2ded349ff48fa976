using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Places : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    postal_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    department_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<Point>(type: "geography (Point, 4326)", nullable: true),
                    location_precision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_data_versions",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_data_versions", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_places_location",
                table: "places",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_places_search_key",
                table: "places",
                column: "search_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Postal code prefix search ("690" finds 69001…69009): a trigram index on the codes as one text,
            // " 69001 69002", matched with LIKE '% 690%'. array_to_string is only STABLE, hence the wrapper.
            migrationBuilder.Sql("""
                CREATE FUNCTION place_postal_codes_text(codes text[]) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN ' ' || array_to_string(codes, ' ');
                CREATE INDEX ix_places_postal_codes_text ON places USING gin (place_postal_codes_text(postal_codes) gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.Sql("DROP FUNCTION place_postal_codes_text(text[]);");

            migrationBuilder.DropTable(
                name: "reference_data_versions");
        }
    }
}
