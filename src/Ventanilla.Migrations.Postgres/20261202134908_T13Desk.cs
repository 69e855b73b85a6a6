using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class T13Desk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outage_detection_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    min_reports = table.Column<int>(type: "integer", nullable: false),
                    window_minutes = table.Column<int>(type: "integer", nullable: false),
                    min_share_percent = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_detection_settings", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outage_detection_settings");
        }
    }
}
