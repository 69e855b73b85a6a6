using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class T11PortalProofFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_proof_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_proof_failures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_portal_proof_failures_at",
                table: "portal_proof_failures",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_portal_proof_failures_key_at",
                table: "portal_proof_failures",
                columns: new[] { "key", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_proof_failures");
        }
    }
}
