using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ventanilla.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mailboxes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    imap_host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    imap_port = table.Column<int>(type: "integer", nullable: false),
                    imap_security = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    imap_username = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    imap_protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    smtp_host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    smtp_port = table.Column<int>(type: "integer", nullable: false),
                    smtp_security = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    smtp_username = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    smtp_protected_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    poll_seconds = table.Column<int>(type: "integer", nullable: false),
                    area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    last_poll_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sent_count = table.Column<int>(type: "integer", nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
