#!/usr/bin/env bash
# The WhatsApp webhook at a fixed rate of signed posts, with a trivial endpoint's figures from the same run.
#   bench/whatsapp/run.sh [rate] [seconds] [warm-up seconds] [Sqlite|Postgres] [connection string] [process: true|false]
# Publishes the service, then the load generator starts it on a loopback port with a fresh SQLite
# file (or the PostgreSQL database given), plays the Graph API on another loopback port, and stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-1000}
SECONDS_MEASURED=${2:-20}
WARMUP=${3:-5}
DATABASE=${4:-Sqlite}
CONNECTION=${5:-}
PROCESS=${6:-true}
OUT=$(mktemp -d /tmp/ventanilla-wa-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
dotnet publish src/Ventanilla -c Release -o "$OUT/app" -nologo -v quiet
dotnet build bench/whatsapp/Ventanilla.WhatsAppBench -c Release -nologo -v quiet
dotnet bench/whatsapp/Ventanilla.WhatsAppBench/bin/Release/net10.0/Ventanilla.WhatsAppBench.dll \
  --app "$OUT/app/Ventanilla.dll" --database "$DATABASE" --connection "$CONNECTION" \
  --rate "$RATE" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" --process "$PROCESS"
