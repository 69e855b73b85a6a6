#!/usr/bin/env bash
# scripts/add-migration.sh NAME : adds migration NAME for both databases, each into its own project
# (src/Ventanilla.Migrations.Sqlite and src/Ventanilla.Migrations.Postgres), then builds the service.
#
# The migration projects cannot reference the web project that holds the DbContexts (the web
# project references them), so the [DbContext(typeof(...))] attribute and `using Ventanilla.Data;`
# that dotnet-ef writes are taken out again; Data/ProviderMigrations.cs finds migrations without them.
#
# On SQLite, adding a foreign key to an existing table rebuilds the table and drops its triggers:
# a migration that does so to `tickets` needs SearchIndexSql.SqliteTriggersAgain in a migration after it, since EF does the rebuild after every other operation (see T13SearchTriggersAgain).
#
# To undo a migration not yet committed: delete its two files in each project and restore both
# *ModelSnapshot.cs with git. (`dotnet ef migrations remove` asks the database whether the migration
# was applied, so it needs a reachable PostgreSQL for the Postgres one.)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [[ ! $1 =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: $0 NAME   (NAME in PascalCase, e.g. TicketPriority)" >&2
  exit 2
fi

dotnet tool restore >/dev/null

no_build=()
for provider in Sqlite Postgres; do
  project=src/Ventanilla.Migrations.$provider
  dotnet ef migrations add "$1" --project "$project" --startup-project src/Ventanilla \
    --context "${provider}VentanillaDbContext" "${no_build[@]}"
  # Only the files just written (the migration and the rewritten snapshot) carry these lines.
  sed -i -E -e '/^using Ventanilla\.Data;\r?$/d' -e '/^[[:space:]]*\[DbContext\(typeof\([A-Za-z]+\)\)\]\r?$/d' \
    "$project"/*_"$1".cs "$project"/*_"$1".Designer.cs "$project"/*ModelSnapshot.cs
  # The first run built everything the second needs.
  no_build=(--no-build)
done

# What was written must compile on its own, under the service's warnings-as-errors.
dotnet build src/Ventanilla -nologo -v quiet
