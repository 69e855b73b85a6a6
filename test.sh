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

. scripts/throwaway-postgres.sh
. scripts/throwaway-dovecot.sh

# --- what the tests need -------------------------------------------------------------
command -v dotnet >/dev/null || { echo "The .NET SDK is missing: install .NET 10 first (see README.md)." >&2; exit 1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ] || ! ls /usr/share/postgresql/*/extension/unaccent.control >/dev/null 2>&1; then
  apt_install postgresql postgresql-contrib
fi
# The email tests read from a real IMAP server.
if ! command -v dovecot >/dev/null; then
  apt_install dovecot-imapd
fi
command -v dovecot >/dev/null || { echo "Dovecot is missing and could not be installed: the email tests need it." >&2; exit 1; }
# The browser tests drive the distribution's Chromium; Playwright never downloads one.
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium fonts-liberation
fi

# --- throwaway PostgreSQL --------------------------------------------------------------
WORK=$(mktemp -d /tmp/ventanilla-test.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
DOVECOT_PID=""
cleanup() {
  dovecot_stop "$DOVECOT_PID"
  pg_stop "$PG_DATA"
  rm -rf "$WORK"
}
trap cleanup EXIT

# Tests need speed, not durability: nothing here outlives the run.
pg_start "$PG_DATA" 55432 fsync=off synchronous_commit=off max_connections=300
log "PostgreSQL is on 127.0.0.1:$PG_PORT"
export VENTANILLA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=50"

# --- throwaway Dovecot -----------------------------------------------------------------
# Fresh passwords each run: the server lives only as long as this script.
IMAP_USERS="contacto@netmas.mx:$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n') notificaciones@netmas.com:$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# shellcheck disable=SC2086
dovecot_start "$WORK/dovecot" 14143 $IMAP_USERS
log "Dovecot is on 127.0.0.1:$IMAP_PORT"
export VENTANILLA_TEST_IMAP="127.0.0.1:$IMAP_PORT"
export VENTANILLA_TEST_IMAP_USERS="$IMAP_USERS"

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
