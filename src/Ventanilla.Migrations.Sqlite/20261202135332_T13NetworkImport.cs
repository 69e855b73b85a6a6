using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class T13NetworkImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_size = table.Column<long>(type: "INTEGER", nullable: false),
                    contract_column = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    requested_by_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    rows_total = table.Column<int>(type: "INTEGER", nullable: true),
                    rows_read = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    refusals_json = table.Column<string>(type: "TEXT", nullable: true),
                    failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_imports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_network_imports_state_lease_until",
                table: "network_imports",
                columns: new[] { "state", "lease_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_imports");
        }
    }
}
