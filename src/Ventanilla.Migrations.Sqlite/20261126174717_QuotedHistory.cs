using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuotedHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "quoted",
                table: "timeline_entries",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "quoted",
                table: "timeline_entries");
        }
    }
}
