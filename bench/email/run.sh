#!/usr/bin/env bash
# Email ingestion: Ventanilla's rate from a real Dovecot into tickets, next to the raw IMAP fetch
# rate of the same messages measured in the same run.
#   bench/email/run.sh [messages]
# Starts a throwaway Dovecot on a loopback port and the service on a fresh SQLite database, and
# stops both at the end. Prints the figures for docs/benchmarks.md and docs/email.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES=${1:-1000}

. scripts/throwaway-postgres.sh   # free_port
. scripts/throwaway-dovecot.sh
command -v dovecot >/dev/null || { echo "bench/email needs Dovecot: run ./test.sh once, or apt-get install dovecot-imapd" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ventanilla-email-bench.XXXXXX); chmod 755 "$WORK"
DOVECOT_PID=""
cleanup() { dovecot_stop "$DOVECOT_PID"; rm -rf "$WORK"; }
trap cleanup EXIT

echo "==> Building (Release)"
dotnet publish src/Ventanilla -c Release -o "$WORK/app" -nologo -v quiet
dotnet build bench/email/Ventanilla.EmailBench -c Release -nologo -v quiet

PASSWORD=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
dovecot_start "$WORK/dovecot" 14243 "bench@netmas.mx:$PASSWORD"
echo "==> Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(dovecot --version | head -1 | sed 's/^/Dovecot /'), $MESSAGES messages, SQLite"
dotnet bench/email/Ventanilla.EmailBench/bin/Release/net10.0/Ventanilla.EmailBench.dll \
  --host 127.0.0.1 --port "$IMAP_PORT" --user bench@netmas.mx --password "$PASSWORD" \
  --messages "$MESSAGES" --app "$WORK/app" --work "$WORK"
