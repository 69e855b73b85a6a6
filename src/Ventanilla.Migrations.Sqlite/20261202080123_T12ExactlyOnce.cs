using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                table: "tickets",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "message_token",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sending_at",
                table: "outbox_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conversation_key",
                table: "inbound_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    claim = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    body = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "creating_since",
                table: "whatsapp_conversations",
                type: "TEXT",
                nullable: true);
        }
    }
}
