using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ventanilla.Data;

/// <summary>
/// Finds the migrations of the configured provider in its own assembly (Ventanilla.Migrations.Sqlite
/// or .Postgres). EF's own lookup keeps only classes whose [DbContext] attribute names the context,
/// which those assemblies cannot carry: the contexts live here, and this project references them, not
/// the other way round. Each assembly holds one provider's migrations and nothing else, so every
/// Migration in it with a [Migration] id is ours, and its one ModelSnapshot is the snapshot.
/// Otherwise it behaves as EF's: ordered by id, found by id or by name, ActiveProvider set on creation.
/// </summary>
internal sealed class ProviderMigrations : IMigrationsAssembly
{
    private readonly IMigrationsIdGenerator idGenerator;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> migrations;
    private readonly Lazy<ModelSnapshot?> modelSnapshot;

    public ProviderMigrations(IDbContextOptions options, IMigrationsIdGenerator idGenerator, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    {
        var relational = RelationalOptionsExtension.Extract(options);
        Assembly = relational.MigrationsAssemblyObject
            ?? (relational.MigrationsAssembly is { Length: > 0 } name
                ? Assembly.Load(new AssemblyName(name))
                : throw new InvalidOperationException("No migrations assembly is configured; DataFeature names one per provider."));
        this.idGenerator = idGenerator;
        migrations = new(() => FindMigrations(Assembly, logger));
        modelSnapshot = new(() => FindSnapshot(Assembly));
    }

    public Assembly Assembly { get; }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations.Value;

    public ModelSnapshot? ModelSnapshot => modelSnapshot.Value;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(idGenerator.IsValidId(nameOrId)
            ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : id => string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static SortedList<string, TypeInfo> FindMigrations(Assembly assembly, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    {
        // Ordinal, as the ids are timestamps and EF applies them in this order.
        var found = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Constructible(assembly).Where(t => t.IsSubclassOf(typeof(Migration))))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                found.Add(id, type);
            }
            else
            {
                logger.MigrationAttributeMissingWarning(type);
            }
        }

        return found;
    }

    private static ModelSnapshot? FindSnapshot(Assembly assembly)
    {
        var snapshots = Constructible(assembly).Where(t => t.IsSubclassOf(typeof(ModelSnapshot))).ToList();
        return snapshots.Count switch
        {
            0 => null,
            1 => (ModelSnapshot)Activator.CreateInstance(snapshots[0].AsType())!,
            // Two snapshots would mean two models' migrations mixed in one assembly: refuse to guess.
            _ => throw new InvalidOperationException(
                $"{assembly.GetName().Name} holds {snapshots.Count} model snapshots ({string.Join(", ", snapshots.Select(s => s.Name))}); it must hold one."),
        };
    }

    private static IEnumerable<TypeInfo> Constructible(Assembly assembly) =>
        assembly.DefinedTypes.Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition);
}
