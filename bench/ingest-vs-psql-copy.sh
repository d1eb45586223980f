#!/usr/bin/env bash
# Bulk ingest of the Melbourne folder into PostgreSQL: `surgewatch ingest --db postgresql://…` vs `psql \copy` of the
# same rows into an equivalent table (sensor bigint, label bigint, value double precision, PRIMARY KEY (sensor, label)),
# side by side on one throwaway server (initdb in a temporary folder, default settings, a free loopback port).
# Each run uses a fresh database; prints the median of the timed runs (after one warm-up run) as a Markdown table:
#   end to end   wall clock of the whole command (surgewatch: .NET start-up, gz CSV parsing, COPY + merge, commit;
#                psql: start-up, reading the CSV, COPY, commit)
#   server side  the sum of the durations of every statement the server ran meanwhile, from its log (surgewatch: sensor
#                lookups, temporary table, COPY, INSERT … ON CONFLICT, ingest log, COMMIT; psql: the COPY and its commit)
#   per run      each timed run's own ratio (surgewatch and \copy ran one after the other), and their median: on a busy
#                machine this moves less than the ratio of the two medians
# Needs the built CLI (dotnet build -c Release src/Surgewatch.Cli) and PostgreSQL's programs (apt-get install postgresql).
# The CLI as shipped for batch work is published by eng/publish-cli.sh (self-contained, one composite ReadyToRun image of
# the app and .NET, so the JIT hardly runs):
#   bash eng/publish-cli.sh /tmp/sw-batch && SURGEWATCH_CLI=/tmp/sw-batch/surgewatch bash bench/ingest-vs-psql-copy.sh
# The framework-dependent ReadyToRun publish measured before 2026-12-07 (docs/benchmarks/history/postgres.md):
#   dotnet publish src/Surgewatch.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/sw-r2r
#   SURGEWATCH_CLI=/tmp/sw-r2r/surgewatch.dll bash bench/ingest-vs-psql-copy.sh
# Usage: bench/ingest-vs-psql-copy.sh [DATA_FOLDER] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/pedestrians/melbourne}
runs=${2:-3}
cli=${SURGEWATCH_CLI:-src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll}   # another build: SURGEWATCH_CLI=path/to/surgewatch.dll
[ -f "$cli" ] || { echo "Build the CLI first: dotnet build -c Release src/Surgewatch.Cli" >&2; exit 1; }
# A .dll runs through `dotnet`; anything else is the published executable itself (a self-contained publish).
surgewatch() { if [[ "$cli" == *.dll ]]; then dotnet "$cli" "$@"; else "$cli" "$@"; fi; }
source bench/throwaway-postgres.sh "-c log_min_duration_statement=0"
now() { date +%s.%N; }
# Sum of the server-side durations (ms) of every statement logged after line $1 of the log.
logged_ms() { tail -n +"$(( $1 + 1 ))" "$work/server.log" | { grep -E "duration: [0-9.]+ ms" || true; } | sed -E 's/.*duration: ([0-9.]+) ms.*/\1/' | awk '{s+=$1} END {printf "%.1f", s}'; }
lines() { wc -l < "$work/server.log"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# The rows exactly as the store holds them, exported once, for \copy.
psql_ -d postgres -c "CREATE DATABASE probe"
surgewatch ingest "$data" --db "postgresql://bench@127.0.0.1:$port/probe" >/dev/null
rows=$(psql_ -d probe -At -c "SELECT count(*) FROM readings")
psql_ -d probe -c "\\copy (SELECT sensor, label, value FROM readings ORDER BY label, sensor) TO '$work/rows.csv' CSV"

: > "$work/sw_wall"; : > "$work/sw_server"; : > "$work/cp_wall"; : > "$work/cp_server"; : > "$work/run_ratio"
for run in $(seq 0 "$runs"); do
  psql_ -d postgres -c "CREATE DATABASE sw$run" -c "CREATE DATABASE cp$run"
  surgewatch zones list --db "postgresql://bench@127.0.0.1:$port/sw$run" >/dev/null   # migrate the schema, untimed
  psql_ -d "cp$run" -c "CREATE TABLE readings (sensor bigint NOT NULL, label bigint NOT NULL, value double precision NOT NULL, PRIMARY KEY (sensor, label))"
  mark=$(lines); t0=$(now)
  surgewatch ingest "$data" --db "postgresql://bench@127.0.0.1:$port/sw$run" >/dev/null
  t1=$(now)
  sw_server=$(logged_ms "$mark")
  mark=$(lines); t2=$(now)
  psql_ -d "cp$run" -c "\\copy readings FROM '$work/rows.csv' CSV"
  t3=$(now)
  cp_server=$(logged_ms "$mark")
  [ "$(psql_ -d "sw$run" -At -c 'SELECT count(*) FROM readings')" = "$rows" ] || { echo "surgewatch stored the wrong row count" >&2; exit 1; }
  [ "$(psql_ -d "cp$run" -At -c 'SELECT count(*) FROM readings')" = "$rows" ] || { echo "\\copy stored the wrong row count" >&2; exit 1; }
  if [ "$run" -gt 0 ]; then
    echo "$t1 - $t0" | bc -l >> "$work/sw_wall"; echo "$sw_server / 1000" | bc -l >> "$work/sw_server"
    echo "$t3 - $t2" | bc -l >> "$work/cp_wall"; echo "$cp_server / 1000" | bc -l >> "$work/cp_server"
    echo "($t3 - $t2) / ($t1 - $t0)" | bc -l >> "$work/run_ratio"
  fi
done

sw_wall=$(median < "$work/sw_wall"); sw_server=$(median < "$work/sw_server")
cp_wall=$(median < "$work/cp_wall"); cp_server=$(median < "$work/cp_server")
rate() { printf "%'.0f" "$(echo "$rows / $1" | bc -l)"; }
ratio() { printf "%.2f" "$(echo "$2 / $1" | bc -l)"; }
echo
echo "$(printf "%'d" "$rows") rows from $data; PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), default settings; median of $runs runs after a warm-up; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | surgewatch ingest | psql \\copy | surgewatch ÷ \\copy (rows/s) |"
echo "|---|---|---|---|"
echo "| end to end | $(printf %.2f "$sw_wall") s, $(rate "$sw_wall") rows/s | $(printf %.2f "$cp_wall") s, $(rate "$cp_wall") rows/s | $(ratio "$sw_wall" "$cp_wall")× |"
echo "| server side (statements) | $(printf %.2f "$sw_server") s, $(rate "$sw_server") rows/s | $(printf %.2f "$cp_server") s, $(rate "$cp_server") rows/s | $(ratio "$sw_server" "$cp_server")× |"
echo
echo "end to end, per run: $(xargs printf '%.2f× ' < "$work/run_ratio")(median $(printf %.2f "$(median < "$work/run_ratio")")×)"
