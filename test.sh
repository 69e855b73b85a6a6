#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, starts throwaway
# servers on loopback ports, runs every test, stops the servers, and fails on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "Installing $*"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- what the tests need -------------------------------------------------------------
command -v dotnet >/dev/null || { echo "The .NET SDK is missing: install .NET 10 first (see README.md)." >&2; exit 1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ] || ! ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1; then
  apt_install postgresql postgresql-contrib
fi
PG_BIN=$(pg_bin)
# The browser tests drive the distribution's Chromium; Playwright never downloads one.
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium fonts-liberation
fi

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# --- throwaway PostgreSQL --------------------------------------------------------------
WORK=$(mktemp -d /tmp/ventanilla-test.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
PG_PORT=$(free_port 55432)
run_pg() {
  # initdb and postgres refuse to run as root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$PG_DATA"
[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DATA"
log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
run_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-sync >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
export VENTANILLA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=50"

# --- the tests -------------------------------------------------------------------------
log "Building"
dotnet build Ventanilla.slnx -c Release -nologo -v quiet
log "Running every test"
set +e
dotnet test Ventanilla.slnx -c Release --no-build -nologo 2>&1 | tee "$WORK/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line that any reader of the log understands.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1); if ($i == "Passed:") passed += $(i + 1); if ($i == "Skipped:") skipped += $(i + 1)
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$WORK/test.log"
exit "$status"
