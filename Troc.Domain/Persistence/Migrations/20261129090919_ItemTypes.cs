using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <summary>
    /// Item types in the database (synced from the item catalogue by `migrate`), each listing's item type with who
    /// decided it, and what each want asks for: item types (listing_want_item_types) or a whole subcategory.
    /// Listings and wants that exist before this migration start unresolved; `migrate` reads them once the catalogue
    /// is synced (and `./troc catalogue reindex` whenever asked).
    /// </summary>
    public partial class ItemTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "item_type_confidence",
                table: "listings",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "item_type_id",
                table: "listings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "item_type_source",
                table: "listings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Resolved");

            migrationBuilder.AddColumn<int>(
                name: "category_id",
                table: "listing_wants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "chosen_by_owner",
                table: "listing_wants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "confidence",
                table: "listing_wants",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "listing_wants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unresolved");

            migrationBuilder.CreateTable(
                name: "item_types",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_types", x => x.id);
                    table.ForeignKey(
                        name: "fk_item_types_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "listing_want_item_types",
                columns: table => new
                {
                    rank = table.Column<int>(type: "integer", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    want_position = table.Column<int>(type: "integer", nullable: false),
                    item_type_id = table.Column<int>(type: "integer", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listing_want_item_types", x => new { x.listing_id, x.want_position, x.rank });
                    table.ForeignKey(
                        name: "fk_listing_want_item_types_item_types_item_type_id",
                        column: x => x.item_type_id,
                        principalTable: "item_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_listing_want_item_types_listing_wants_listing_id_want_posit",
                        columns: x => new { x.listing_id, x.want_position },
                        principalTable: "listing_wants",
                        principalColumns: new[] { "listing_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listings_item_type_id",
                table: "listings",
                column: "item_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_listing_wants_category_id",
                table: "listing_wants",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_item_types_category_id_position",
                table: "item_types",
                columns: new[] { "category_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_item_types_slug",
                table: "item_types",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listing_want_item_types_item_type_id",
                table: "listing_want_item_types",
                column: "item_type_id");

            migrationBuilder.AddForeignKey(
                name: "fk_listing_wants_categories_category_id",
                table: "listing_wants",
                column: "category_id",
                principalTable: "categories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_listings_item_types_item_type_id",
                table: "listings",
                column: "item_type_id",
                principalTable: "item_types",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_listing_wants_categories_category_id",
                table: "listing_wants");

            migrationBuilder.DropForeignKey(
                name: "fk_listings_item_types_item_type_id",
                table: "listings");

            migrationBuilder.DropTable(
                name: "listing_want_item_types");

            migrationBuilder.DropTable(
                name: "item_types");

            migrationBuilder.DropIndex(
                name: "ix_listings_item_type_id",
                table: "listings");

            migrationBuilder.DropIndex(
                name: "ix_listing_wants_category_id",
                table: "listing_wants");

            migrationBuilder.DropColumn(
                name: "item_type_confidence",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "item_type_id",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "item_type_source",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "listing_wants");

            migrationBuilder.DropColumn(
                name: "chosen_by_owner",
                table: "listing_wants");

            migrationBuilder.DropColumn(
                name: "confidence",
                table: "listing_wants");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "listing_wants");
        }
    }
}
