using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "merged_into_id",
                table: "subscribers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "provider_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    folio_prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    phones = table.Column<string>(type: "TEXT", nullable: false),
                    emails = table.Column<string>(type: "TEXT", nullable: false),
                    web = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    whats_app = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    hours = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
