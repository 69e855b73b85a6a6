using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ventanilla.Data;

// Used only by `dotnet ef migrations add`: each database keeps its own migration set.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVentanillaDbContext>
{
    public SqliteVentanillaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteVentanillaDbContext>();
        DataFeature.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteVentanillaDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVentanillaDbContext>
{
    public PostgresVentanillaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresVentanillaDbContext>();
        DataFeature.ConfigurePostgres(options, "Host=localhost;Database=ventanilla_design");
        return new PostgresVentanillaDbContext(options.Options);
    }
}
