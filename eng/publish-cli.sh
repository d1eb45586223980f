#!/usr/bin/env bash
# Publishes the `surgewatch` command as shipped for batch work (ingest, train, backtest, evaluate-warnings): self-contained,
# and ReadyToRun as one composite image of the app, its packages and .NET itself. With .NET in the same version bubble,
# the generic code the app instantiates over its own and its packages' types (async state machines, collections,
# Npgsql's converters) is precompiled too, which a framework-dependent ReadyToRun publish leaves to the JIT at every
# start: a PostgreSQL ingest of the Melbourne folder spends about 0.5 CPU-s in the client instead of 0.7–0.9
# (docs/benchmarks/history/postgres.md). It takes minutes (the whole of .NET is compiled) and about 360 MB.
# Usage: bash eng/publish-cli.sh [OUTPUT_DIR] [dotnet publish options, e.g. -r linux-arm64]   (default out/surgewatch)
# Then run OUTPUT_DIR/surgewatch.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/surgewatch}
shift || true
rid=linux-x64
for arg in "$@"; do [[ "${prev:-}" == "-r" || "${prev:-}" == "--runtime" ]] && rid=$arg; prev=$arg; done
# The composite replaces the per-assembly ReadyToRun files under obj/ with stubs that need it; start from an empty
# folder so that no earlier publish's leftovers are mixed into this one (or this one's into a later one).
rm -rf src/Surgewatch.Cli/obj/Release/net10.0/*/R2R
dotnet publish src/Surgewatch.Cli -c Release -r "$rid" --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" "$@"
rm -rf src/Surgewatch.Cli/obj/Release/net10.0/*/R2R
echo "Published: $out/surgewatch"
