using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Troc.Domain.Persistence.Migrations
{
    /// <summary>
    /// Saved searches, their alerts, and the outbox of alert jobs. The trigger enqueues a job in the very transaction
    /// that makes a listing active (created active, reactivated, released from a reservation: any statement, from any
    /// code path), so no listing change can commit without its job; NOTIFY (sent on commit only) wakes the workers.
    /// </summary>
    public partial class SavedSearches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_search_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enqueued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    available_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_search_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_search_jobs_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    notify = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_matched_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_searches", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_searches_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_search_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_search_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_search_alerts_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_saved_search_alerts_saved_searches_saved_search_id",
                        column: x => x.saved_search_id,
                        principalTable: "saved_searches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_saved_search_alerts_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_alerts_listing_id",
                table: "saved_search_alerts",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_alerts_owner_id_id",
                table: "saved_search_alerts",
                columns: new[] { "owner_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_alerts_saved_search_id_listing_id",
                table: "saved_search_alerts",
                columns: new[] { "saved_search_id", "listing_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_jobs_available_at_id",
                table: "saved_search_jobs",
                columns: new[] { "available_at", "id" },
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_jobs_listing_id",
                table: "saved_search_jobs",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_jobs_processed_at",
                table: "saved_search_jobs",
                column: "processed_at",
                filter: "processed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_owner_id_created_at",
                table: "saved_searches",
                columns: new[] { "owner_id", "created_at" });

            migrationBuilder.Sql("""
                CREATE FUNCTION listings_saved_search_job_trigger() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF NEW.status = 'Active' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'Active') THEN
                            INSERT INTO saved_search_jobs (listing_id) VALUES (NEW.id);
                            -- Identical notifications of one transaction are folded into one.
                            PERFORM pg_notify('saved_search_jobs', '');
                        END IF;
                        RETURN NULL;
                    END
                    $$;
                CREATE TRIGGER listings_saved_search_job
                    AFTER INSERT OR UPDATE OF status ON listings
                    FOR EACH ROW EXECUTE FUNCTION listings_saved_search_job_trigger();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER listings_saved_search_job ON listings;
                DROP FUNCTION listings_saved_search_job_trigger();
                """);

            migrationBuilder.DropTable(
                name: "saved_search_alerts");

            migrationBuilder.DropTable(
                name: "saved_search_jobs");

            migrationBuilder.DropTable(
                name: "saved_searches");
        }
    }
}
