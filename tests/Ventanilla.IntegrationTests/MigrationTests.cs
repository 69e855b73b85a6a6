using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>
/// Each database's migrations live in an assembly of their own, without the [DbContext] attribute
/// EF normally finds them by; these check they are still found, applied and complete.
/// </summary>
public class MigrationTests
{
    private static string AssemblyOf(DatabaseKind kind) =>
        kind == DatabaseKind.Sqlite ? "Ventanilla.Migrations.Sqlite" : "Ventanilla.Migrations.Postgres";

    [Theory, BothDatabases]
    public async Task Migrate_OnANewDatabase_AppliesEveryMigrationOfTheProvidersAssemblyInOrder(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrated: false);
        await using var db = database.OpenContext();

        await db.Database.MigrateAsync();

        var known = db.Database.GetMigrations().ToList();
        Assert.Equal(AssemblyOf(kind), db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.Contains(known, id => id.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Equal(known.Order(StringComparer.Ordinal), known);
        Assert.Equal(known, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_OnSqlite_LeavesTheSearchTriggersOnTheTicketsTableAfterEveryRebuildOfIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, migrated: false);
        await using var db = database.OpenContext();

        await db.Database.MigrateAsync();

        // A migration adding a foreign key to tickets rebuilds the table on SQLite, which drops its triggers.
        var triggers = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tickets' ORDER BY name").ToListAsync();
        Assert.Equal(["tickets_search_insert", "tickets_search_update"], triggers);
    }

    [Theory, BothDatabases]
    public async Task Model_ComparedWithTheProvidersSnapshot_HasNoChangeWithoutAMigration(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.OpenContext();

        // Fails when an entity changed and scripts/add-migration.sh was not run for it.
        Assert.NotNull(db.GetService<IMigrationsAssembly>().ModelSnapshot);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: run scripts/add-migration.sh NAME.");
    }

    [Theory, BothDatabases]
    public async Task FindMigrationId_ByNameOrById_FindsTheSameMigration(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.OpenContext();
        var migrations = db.GetService<IMigrationsAssembly>();
        var initial = migrations.Migrations.Keys.First();

        Assert.Equal(initial, migrations.FindMigrationId("initial"));
        Assert.Equal(initial, migrations.FindMigrationId(initial));
        Assert.Null(migrations.FindMigrationId("NoSuchMigration"));
        var created = migrations.CreateMigration(migrations.Migrations[initial], db.Database.ProviderName!);
        Assert.Equal(db.Database.ProviderName, created.ActiveProvider);
    }
}
