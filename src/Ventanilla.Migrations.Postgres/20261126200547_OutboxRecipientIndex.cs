using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxRecipientIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_channel_recipient_sent_at",
                table: "outbox_messages",
                columns: new[] { "channel", "recipient", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_channel_recipient_sent_at",
                table: "outbox_messages");
        }
    }
}
