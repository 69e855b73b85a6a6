using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class T12ExactlyOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "creating_from",
                table: "whatsapp_conversations");

            migrationBuilder.DropColumn(
                name: "creating_since",
                table: "whatsapp_conversations");

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "whatsapp_conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                table: "tickets",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "message_token",
                table: "outbox_messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sending_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conversation_key",
                table: "inbound_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    claim = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    content_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_source_key",
                table: "tickets",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_conversation_key_id",
                table: "inbound_messages",
                columns: new[] { "conversation_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_whatsapp_external_id",
                table: "inbound_messages",
                columns: new[] { "channel", "mailbox", "external_id" },
                unique: true,
                filter: "channel = 'whatsapp'");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropIndex(
                name: "ix_tickets_source_key",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_conversation_key_id",
                table: "inbound_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_whatsapp_external_id",
                table: "inbound_messages");

            migrationBuilder.DropColumn(
                name: "version",
                table: "whatsapp_conversations");

            migrationBuilder.DropColumn(
                name: "source_key",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "message_token",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "sending_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "conversation_key",
                table: "inbound_messages");

            migrationBuilder.AddColumn<string>(
                name: "creating_from",
                table: "whatsapp_conversations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "creating_since",
                table: "whatsapp_conversations",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
