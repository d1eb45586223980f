#!/bin/bash
# One HTTP ingest measurement against a fresh store: starts `surgewatch serve` from a build folder, sends a
# 200-batch warm-up, then the measured run, and prints the load average, the client's figures and the server's CPU
# per 1,000-reading batch (from /proc, so that figures taken on a busy machine can still be compared).
# Usage: bench/http-ingest-ab.sh CLI_BUILD_DIR LOADTEST_BUILD_DIR CONNECTIONS BATCHES [socket|httpclient] [VAR=value...]
#   e.g. bench/http-ingest-ab.sh src/Surgewatch.Cli/bin/Release/net10.0 bench/Surgewatch.LoadTest/bin/Release/net10.0 8 1500 socket
set -euo pipefail
CLI=$(realpath "$1"); LOAD=$(realpath "$2"); CONNECTIONS=$3; BATCHES=$4; CLIENT=${5:-socket}; shift 4; [ $# -gt 0 ] && shift
KEY=bench-key-0123456789abcdefghijkl
# SURGEWATCH_BENCH_DB: another store to ingest into (such as postgresql://USER@HOST:PORT/DB, fresh); default a fresh SQLite file.
WORK=$(mktemp -d); DB=${SURGEWATCH_BENCH_DB:-$(mktemp -d)/bench.db}; PORT=$((5100 + RANDOM % 800))
# The server runs in an empty folder (its content root), with the store elsewhere.
(cd "$WORK" && exec env "$@" SURGEWATCH_BOOTSTRAP_KEY=$KEY Logging__LogLevel__Default=Warning \
  dotnet "$CLI/surgewatch.dll" serve --db "$DB" --urls http://127.0.0.1:$PORT >"$WORK/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"; [ -n "${SURGEWATCH_BENCH_DB:-}" ] || rm -rf "$(dirname "$DB")"' EXIT
for _ in $(seq 1 240); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.5; done
dotnet "$LOAD/Surgewatch.LoadTest.dll" ingest http://127.0.0.1:$PORT $KEY "$CONNECTIONS" 200 ndjson "$CLIENT" >/dev/null
SERVER_PID=$(pgrep -P $SERVER -f surgewatch.dll || echo $SERVER)
cpu() { awk '{print $14 + $15}' /proc/"$SERVER_PID"/stat; }
BEFORE=$(cpu)
RESULT=$(dotnet "$LOAD/Surgewatch.LoadTest.dll" ingest http://127.0.0.1:$PORT $KEY "$CONNECTIONS" "$BATCHES" ndjson "$CLIENT")
AFTER=$(cpu)
echo "load $(cut -d' ' -f1-3 /proc/loadavg) | $RESULT | server CPU $(echo "scale=2; ($AFTER - $BEFORE) * 1000 / $(getconf CLK_TCK) / $BATCHES" | bc) ms/batch"
