using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Postgres
{
    /// <summary>Nothing to do on PostgreSQL, which adds foreign keys in place; kept so both sets have the same names.</summary>
    public partial class T13SearchTriggersAgain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
