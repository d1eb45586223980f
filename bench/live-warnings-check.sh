#!/usr/bin/env bash
# The live surge warnings are the evaluated ones, on real data: Melbourne 2014 with gbm (issue 16). Replays the test
# year through the live path (saved model, readings released hour by hour, the surge monitor issued each slot) and
# through evaluate-warnings' scoring, and compares the warning episodes. Exits 1 when they differ.
# Usage: bench/live-warnings-check.sh [TEST-FROM [TEST-TO]]   (default 2014-01-01 to the end of the data)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/pedestrians/melbourne
dotnet build bench/Surgewatch.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Surgewatch.Benchmarks/bin/Release/net10.0/Surgewatch.Benchmarks.dll live-warnings-check \
  "$data" "${1:-2014-01-01}" "${2:--}" gbm au-vic melbourne-2009-2014
