using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "in_reply_to",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 998,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "message_id",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 998,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "in_reply_to",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "message_id",
                table: "outbox_messages");
        }
    }
}
