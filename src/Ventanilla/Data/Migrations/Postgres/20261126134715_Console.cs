using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Console : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_last_activity_at",
                table: "tickets");

            migrationBuilder.AddColumn<DateTime>(
                name: "merged_at",
                table: "subscribers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "merged_into_id",
                table: "subscribers",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "provider_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    folio_prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    phones = table.Column<List<string>>(type: "text[]", nullable: false),
                    emails = table.Column<List<string>>(type: "text[]", nullable: false),
                    web = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    whats_app = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    hours = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_profile", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_last_activity_at_id",
                table: "tickets",
                columns: new[] { "last_activity_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_merged_into_id",
                table: "subscribers",
                column: "merged_into_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "provider_profile");

            migrationBuilder.DropIndex(
                name: "ix_tickets_last_activity_at_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_subscribers_merged_into_id",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "merged_at",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "subscribers");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_last_activity_at",
                table: "tickets",
                column: "last_activity_at");
        }
    }
}
