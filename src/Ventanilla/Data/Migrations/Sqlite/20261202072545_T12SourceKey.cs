using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class T12SourceKey : Migration
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
                name: "conversation_key",
                table: "inbound_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
