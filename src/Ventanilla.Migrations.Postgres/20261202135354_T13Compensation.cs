using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class T13Compensation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "applied_at",
                table: "compensation_lines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applied_reference",
                table: "compensation_lines",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "base_mxn",
                table: "compensation_lines",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "bonus_mxn",
                table: "compensation_lines",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "compensation_lines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by_id",
                table: "compensation_lines",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by_name",
                table: "compensation_lines",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "explanation",
                table: "compensation_lines",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "monthly_price_mxn",
                table: "compensation_lines",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_first",
                table: "compensation_lines",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_last",
                table: "compensation_lines",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "policy_id",
                table: "compensation_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "policy_number",
                table: "compensation_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "compensation_lines",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unit_name",
                table: "compensation_lines",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "units",
                table: "compensation_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "compensation_lines",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "compensation_policies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<int>(type: "integer", nullable: false),
                    rate = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    @base = table.Column<string>(name: "base", type: "character varying(32)", maxLength: 32, nullable: false),
                    force_majeure_threshold_hours = table.Column<int>(type: "integer", nullable: false),
                    threshold_from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    minimum_amount_mxn = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    rounding_decimals = table.Column<int>(type: "integer", nullable: false),
                    auto_approve_up_to_mxn = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    legal_citation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compensation_webhooks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    line_id = table.Column<long>(type: "bigint", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation_webhooks", x => x.id);
                    table.ForeignKey(
                        name: "fk_compensation_webhooks_compensation_lines_line_id",
                        column: x => x.line_id,
                        principalTable: "compensation_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_policy_id",
                table: "compensation_lines",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_policies_number",
                table: "compensation_policies",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compensation_webhooks_delivered_at_next_attempt_at",
                table: "compensation_webhooks",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_compensation_webhooks_line_id",
                table: "compensation_webhooks",
                column: "line_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_compensation_lines_compensation_policy_policy_id",
                table: "compensation_lines",
                column: "policy_id",
                principalTable: "compensation_policies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_compensation_lines_compensation_policy_policy_id",
                table: "compensation_lines");

            migrationBuilder.DropTable(
                name: "compensation_policies");

            migrationBuilder.DropTable(
                name: "compensation_webhooks");

            migrationBuilder.DropIndex(
                name: "ix_compensation_lines_policy_id",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "applied_at",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "applied_reference",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "base_mxn",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "bonus_mxn",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "decided_by_id",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "decided_by_name",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "explanation",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "monthly_price_mxn",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "period_first",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "period_last",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "policy_id",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "policy_number",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "unit_name",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "units",
                table: "compensation_lines");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "compensation_lines");
        }
    }
}
