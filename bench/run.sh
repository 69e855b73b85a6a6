#!/usr/bin/env bash
# Ticket creation through the API, next to each database's own ceiling measured in the same run.
#   bench/run.sh [clients] [seconds] [warm-up seconds]
# Starts a throwaway PostgreSQL (durable defaults: fsync and synchronous_commit on) and the
# service on loopback ports, and stops both at the end. Prints the figures for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-32}
SECONDS_EACH=${2:-20}
WARMUP=${3:-10}   # the JIT settles in the first seconds; they are not counted
KEY="vnt_bench_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

. scripts/throwaway-postgres.sh
PG_BIN=$(pg_bin)
[ -x "$PG_BIN/initdb" ] && command -v pgbench >/dev/null || { echo "bench needs PostgreSQL and pgbench: run ./test.sh once, or apt-get install postgresql postgresql-contrib" >&2; exit 1; }


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

pg_start "$WORK/pg" 56432 max_connections=200   # durable defaults: fsync and synchronous_commit on
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench

start_app() { # provider connection-string
  local port; port=$(free_port 5180)
  APP_URL="http://127.0.0.1:$port"
  ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" Database__ConnectionString="$2" Bootstrap__ApiKey="$KEY" \
    Logging__LogLevel__Default=Warning dotnet "$WORK/app/Ventanilla.dll" --urls "$APP_URL" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do curl -fs "$APP_URL/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the service did not start:" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "==> Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$PG_BIN/postgres" --version)"
echo "==> PostgreSQL, $CLIENTS clients, ${SECONDS_EACH}s each"
start_app Postgres "Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres;Maximum Pool Size=$((CLIENTS + 8))"
$BENCH load --url "$APP_URL" --key "$KEY" --clients "$CLIENTS" --seconds "$SECONDS_EACH" --warmup "$WARMUP"
stop_app
pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -f bench/pg-ticket.sql -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -r bench 2>/dev/null \
  | awk '/^tps/ {printf "pgbench raw %s clients: %.0f tickets/s\n", '"$CLIENTS"', $3} /latency average/ {print "pgbench " $0}'

echo "==> SQLite, $CLIENTS clients, ${SECONDS_EACH}s each"
start_app Sqlite "Data Source=$WORK/bench.db"
$BENCH load --url "$APP_URL" --key "$KEY" --clients "$CLIENTS" --seconds "$SECONDS_EACH" --warmup "$WARMUP"
stop_app
$BENCH sqlite-ceiling --file "$WORK/ceiling.db" --clients "$CLIENTS" --seconds "$SECONDS_EACH" --warmup "$WARMUP"
