using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_area_id",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_area_id_last_activity_at",
                table: "tickets",
                columns: new[] { "area_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_last_activity_at",
                table: "tickets",
                columns: new[] { "channel", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_kind_last_activity_at",
                table: "tickets",
                columns: new[] { "kind", "last_activity_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_area_id_last_activity_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_channel_last_activity_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_kind_last_activity_at",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_area_id",
                table: "tickets",
                column: "area_id");
        }
    }
}
