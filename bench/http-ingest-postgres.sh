#!/usr/bin/env bash
# HTTP ingest into PostgreSQL through one node (issue 19 target: >= 100,000 readings/s with p99 < 100 ms in batches of
# 1,000), side by side with the embedded SQLite store as the baseline: starts a throwaway PostgreSQL (initdb in a
# temporary folder, default settings, a free loopback port), then alternates bench/http-ingest-ab.sh runs on a fresh
# PostgreSQL database and on a fresh SQLite file, RUNS times each, and prints each run's line.
# Usage: bench/http-ingest-postgres.sh [CONNECTIONS] [BATCHES] [RUNS]
# Needs the built CLI and load generator (dotnet build -c Release src/Surgewatch.Cli bench/Surgewatch.LoadTest) and
# PostgreSQL's programs (apt-get install postgresql, or bash eng/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-4}; batches=${2:-2000}; runs=${3:-2}
cli=src/Surgewatch.Cli/bin/Release/net10.0; load=bench/Surgewatch.LoadTest/bin/Release/net10.0
[ -f "$cli/surgewatch.dll" ] && [ -f "$load/Surgewatch.LoadTest.dll" ] || { echo "Build first: dotnet build -c Release src/Surgewatch.Cli bench/Surgewatch.LoadTest" >&2; exit 1; }
source bench/throwaway-postgres.sh ""   # (an argument, else the sourced file sees this script's own)

echo "$(nproc) cores; PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), default settings; $connections connections, $batches batches of 1,000"
for run in $(seq 1 "$runs"); do
  psql_ -d postgres -c "CREATE DATABASE http$run"
  echo "postgresql run $run: $(SURGEWATCH_BENCH_DB="postgresql://bench@127.0.0.1:$port/http$run" bash bench/http-ingest-ab.sh "$cli" "$load" "$connections" "$batches" socket)"
  echo "  PostgreSQL holds $(psql_ -At -d "http$run" -c 'SELECT count(*) FROM readings') readings (the warm-up's 200 batches and the run's)"
  echo "sqlite     run $run: $(bash bench/http-ingest-ab.sh "$cli" "$load" "$connections" "$batches" socket)"
done
