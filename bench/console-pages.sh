#!/usr/bin/env bash
# Server time of each console page with a million tickets in PostgreSQL.
#   bench/console-pages.sh [requests per page]
# Loads bench/million-tickets.sql into a throwaway PostgreSQL, signs in, and times each page's
# first byte over loopback. Baseline from the same run: GET /health, which does one trivial query.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
. scripts/throwaway-postgres.sh
PG_BIN=$(pg_bin)
WORK=$(mktemp -d /tmp/ventanilla-pages.XXXXXX); chmod 755 "$WORK"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pg_stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet publish src/Ventanilla -c Release -o "$WORK/app" -nologo -v quiet
pg_start "$WORK/pg" 57432 max_wal_size=4GB   # durable defaults: fsync and synchronous_commit on
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres pages

APP_PORT=$(free_port 5280); URL="http://127.0.0.1:$APP_PORT"; PASSWORD="Bench-Pages-2026"
start_app() {
  ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres Logging__LogLevel__Default=Warning \
    Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=pages;Username=postgres" \
    Bootstrap__AdminPassword="$PASSWORD" dotnet "$WORK/app/Ventanilla.dll" --urls "$URL" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$WORK/app.log" >&2; exit 1
}
start_app                      # creates the schema
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
echo "==> Loading a million tickets (a few minutes)"
time psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pages -f bench/million-tickets.sql
start_app

JAR="$WORK/jar"
token=$(curl -s -c "$JAR" -b "$JAR" "$URL/entrar" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null -X POST "$URL/entrar" --data-urlencode "_handler=entrar" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=admin@localhost" --data-urlencode "Input.Password=$PASSWORD"

time_page() { # label path
  local times=()
  for _ in $(seq 1 5); do curl -s -b "$JAR" -o /dev/null "$URL$2"; done   # warm-up
  for _ in $(seq 1 "$N"); do
    code_time=$(curl -s -b "$JAR" -o /dev/null -w "%{http_code} %{time_starttransfer}" "$URL$2")
    [ "${code_time%% *}" = 200 ] || { echo "$1: HTTP ${code_time%% *} for $2" >&2; return 1; }
    times+=("${code_time##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" -v path="$2" '{ t[NR] = $1 * 1000 }
    END { printf "| %s | `%s` | %.1f | %.1f | %.1f |\n", label, path, t[int(NR * 0.5) + 1], t[int(NR * 0.95)], t[NR] }'
}

rows=$(psql -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pages -c "SELECT count(*) FROM tickets")
shown=$(curl -s -b "$JAR" "$URL/?vista=all&q=modem" | grep -o 'href="/folios/NM-' | wc -l)
echo "==> $rows tickets; the inbox search for 'modem' shows $shown folios on its first page"
[ "$shown" -gt 0 ] || { echo "the inbox showed no folios: the timings would mean nothing" >&2; exit 1; }
echo "| page | path | p50 ms | p95 ms | max ms |"
echo "|---|---|---:|---:|---:|"
time_page "baseline: health" "/health"
time_page "inbox, open" "/"
time_page "inbox, all" "/?vista=all"
time_page "inbox, status filter" "/?vista=all&estado=routed"
time_page "inbox, three filters" "/?vista=all&estado=reopened&canal=api&tipo=suggestion"
time_page "inbox, search" "/?vista=all&q=modem"
time_page "inbox, rare word" "/?vista=all&q=424242"
time_page "inbox, search by folio" "/?vista=all&q=NM-2025-123456"
time_page "ticket page" "/folios/NM-2026-150000"
time_page "phone intake" "/llamada"
time_page "subscribers search" "/suscriptores?q=perez"
time_page "subscriber page" "/suscriptores/4242"
time_page "administration" "/admin"
time_page "supervision" "/supervision"
