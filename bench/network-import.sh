#!/usr/bin/env bash
# The network import at size: ~2,000 nodes, then 100,000 services uploaded twice through the API,
# on PostgreSQL and on SQLite, next to the time to parse the same file (the same run's baseline).
#   bench/network-import.sh [services]
# Starts a throwaway PostgreSQL (durable defaults) and the service on loopback ports, and stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${1:-100000}
KEY="vnt_bench_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

. scripts/throwaway-postgres.sh
PG_BIN=$(pg_bin)
[ -x "$PG_BIN/initdb" ] || { echo "bench needs PostgreSQL: run ./test.sh once, or apt-get install postgresql" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ventanilla-bench.XXXXXX); chmod 755 "$WORK"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pg_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "==> Building (Release)"
dotnet publish src/Ventanilla -c Release -o "$WORK/app" -nologo -v quiet
dotnet build bench/Ventanilla.Bench -c Release -nologo -v quiet
BENCH="dotnet bench/Ventanilla.Bench/bin/Release/net10.0/Ventanilla.Bench.dll"

pg_start "$WORK/pg" 56433   # durable defaults: fsync and synchronous_commit on
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench

start_app() { # provider connection-string
  local port; port=$(free_port 5180)
  APP_URL="http://127.0.0.1:$port"
  ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" Database__ConnectionString="$2" Bootstrap__ApiKey="$KEY" \
    Storage__Path="$WORK/files" Logging__LogLevel__Default=Warning dotnet "$WORK/app/Ventanilla.dll" --urls "$APP_URL" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # Start-up migrates a new database; on a busy machine that takes a while.
  for _ in $(seq 1 180); do curl -fs "$APP_URL/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the service did not start:" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "==> Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$PG_BIN/postgres" --version)"
echo "==> PostgreSQL"
start_app Postgres "Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres"
$BENCH network-import --url "$APP_URL" --key "$KEY" --services "$SERVICES"
stop_app

echo "==> SQLite"
start_app Sqlite "Data Source=$WORK/bench.db"
$BENCH network-import --url "$APP_URL" --key "$KEY" --services "$SERVICES"
stop_app
