#!/usr/bin/env bash
# Bulk ingest of the Melbourne file: the SQLite store vs the sqlite3 shell's .import, same machine, same run.
# Prints a Markdown table for docs/benchmarks.md. Needs the .NET SDK and the sqlite3 command-line shell.
# Usage: bench/ingest-vs-sqlite3.sh [--data counts.csv.gz] [--runs 5] [--rows-per-statement 256] [--sqlite3 path] [--work dir]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "sqlite3 not found: install it (apt-get install sqlite3) or pass --sqlite3 PATH" >&2; exit 1; }
dotnet build -c Release bench/Surgewatch.Benchmarks --nologo -v quiet
dotnet bench/Surgewatch.Benchmarks/bin/Release/net10.0/Surgewatch.Benchmarks.dll ingest-vs-sqlite3 "$@"
