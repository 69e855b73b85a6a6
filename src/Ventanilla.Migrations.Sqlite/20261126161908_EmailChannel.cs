using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "failing_since",
                table: "subscriber_emails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mailboxes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    imap_host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    imap_port = table.Column<int>(type: "INTEGER", nullable: false),
                    imap_security = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    imap_username = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    imap_protected_password = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    smtp_host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    smtp_port = table.Column<int>(type: "INTEGER", nullable: false),
                    smtp_security = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    smtp_username = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    smtp_protected_password = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    poll_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_poll_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    sent_count = table.Column<int>(type: "INTEGER", nullable: false),
                    failed_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailboxes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mailboxes_address",
                table: "mailboxes",
                column: "address",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mailboxes");

            migrationBuilder.DropColumn(
                name: "failing_since",
                table: "subscriber_emails");
        }
    }
}
