using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "at_risk_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_at_risk_at",
                table: "tickets",
                column: "at_risk_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_due_at",
                table: "tickets",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_at_risk_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "at_risk_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "tickets");
        }
    }
}
