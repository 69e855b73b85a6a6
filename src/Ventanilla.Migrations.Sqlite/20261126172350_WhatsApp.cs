using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WhatsApp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "visit_latitude",
                table: "tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "visit_longitude",
                table: "tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "visit_place",
                table: "tickets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "choices",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "whatsapp_conversations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    wa_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    profile_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: true),
                    step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    pending_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    taken_over_by = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    last_inbound_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    creating_from = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    creating_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_whatsapp_conversations_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_seen",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    seen_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_seen", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    phone_number_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    protected_access_token = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    protected_app_secret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    verify_token = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    graph_api_base_url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    api_version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    templates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_settings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_conversations_phone",
                table: "whatsapp_conversations",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_conversations_ticket_id",
                table: "whatsapp_conversations",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_conversations_user_id",
                table: "whatsapp_conversations",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_conversations_wa_id",
                table: "whatsapp_conversations",
                column: "wa_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "whatsapp_conversations");

            migrationBuilder.DropTable(
                name: "whatsapp_seen");

            migrationBuilder.DropTable(
                name: "whatsapp_settings");

            migrationBuilder.DropColumn(
                name: "visit_latitude",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "visit_longitude",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "visit_place",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "choices",
                table: "outbox_messages");
        }
    }
}
