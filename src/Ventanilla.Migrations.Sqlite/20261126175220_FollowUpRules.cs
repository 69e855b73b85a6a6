using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "first_responded_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "first_response_at_risk_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "first_response_due_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "area_routing",
                columns: table => new
                {
                    area_id = table.Column<int>(type: "INTEGER", nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    slot = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    turns = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_routing", x => x.area_id);
                    table.ForeignKey(
                        name: "fk_area_routing_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "business_calendars",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    mexican_rest_days = table.Column<bool>(type: "INTEGER", nullable: false),
                    extra_closed_dates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadline_notices_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deadline_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    pauses_while_waiting_on_subscriber = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_revision",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_revision = table.Column<int>(type: "INTEGER", nullable: false),
                    cursor_ticket_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_revision", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    keywords = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    postal_codes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    zones = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    plan = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    needs_accessibility = table.Column<bool>(type: "INTEGER", nullable: true),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_pauses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from = table.Column<DateTime>(type: "TEXT", nullable: false),
                    to = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_pauses", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_pauses_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "follow_up_revision",
                columns: new[] { "id", "applied_revision", "cursor_ticket_id", "revision" },
                values: new object[] { 1, 0, 0L, 0 });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_at_risk_at",
                table: "tickets",
                column: "at_risk_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_reported_at",
                table: "tickets",
                column: "reported_at");

            migrationBuilder.CreateIndex(
                name: "ix_business_calendars_code",
                table: "business_calendars",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deadline_notices_sent_at",
                table: "deadline_notices",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_notices_ticket_id_kind",
                table: "deadline_notices",
                columns: new[] { "ticket_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_pauses_ticket_id_from",
                table: "ticket_pauses",
                columns: new[] { "ticket_id", "from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_routing");

            migrationBuilder.DropTable(
                name: "business_calendars");

            migrationBuilder.DropTable(
                name: "deadline_notices");

            migrationBuilder.DropTable(
                name: "deadline_rules");

            migrationBuilder.DropTable(
                name: "follow_up_revision");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "ticket_pauses");

            migrationBuilder.DropIndex(
                name: "ix_tickets_at_risk_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_reported_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_responded_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_at_risk_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_due_at",
                table: "tickets");
        }
    }
}
