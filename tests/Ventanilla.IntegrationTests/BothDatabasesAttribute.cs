using System.Reflection;
using Ventanilla.Data;
using Xunit.Sdk;

namespace Ventanilla.IntegrationTests;

/// <summary>Runs a data test once on SQLite and once on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseKind.Sqlite], [DatabaseKind.Postgres]];
}
