#!/usr/bin/env bash
# Runs the baseline backtests on ../shared data and prints a Markdown table: dataset, model, protocol,
# overall WAPE and n (and MAE at chosen horizons for Los-loop), with each run's wall time (process start included).
# Usage: bench/backtest-baselines.sh [SHARED_DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
mel="$data/pedestrians/melbourne"; los="$data/traffic/los-loop"
[ -d "$mel" ] && [ -d "$los" ] || { echo "No shared data under $data" >&2; exit 1; }
dotnet build -c Release src/Surgewatch.Cli --nologo -v quiet >/dev/null
sw=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch
out=$(mktemp -d)

run() { # name, json, args...
  local name=$1 json=$2; shift 2
  local start end
  start=$(date +%s.%N)
  "$sw" backtest "$@" --json "$json" >/dev/null
  end=$(date +%s.%N)
  echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')"
}

field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }

echo "| dataset | model | protocol | WAPE | n | MAE at h | wall s |"
echo "|---|---|---|---:|---:|---|---:|"
for spec in "seasonal-naive-week rolling 1" "last-value rolling 1" "historical-median-4w day-ahead"; do
  set -- $spec
  extra=(); [ "$2" = rolling ] && extra=(--horizon "$3")
  t=$(run x "$out/m.json" --data "$mel" --model "$1" --test-from 2014-01-01 --protocol "$2" "${extra[@]}" | cut -d' ' -f2)
  echo "| melbourne | $1 | $2${3:+ h$3} | $(field "$out/m.json" "'%.4f' % d['overall']['wape']") | $(field "$out/m.json" "d['overall']['n']") | | $t |"
done
for model in last-value seasonal-naive-day; do
  t=$(run x "$out/l.json" --data "$los" --model "$model" --test-from 2012-03-06 --protocol rolling --horizon 12 --mask-zeros | cut -d' ' -f2)
  maes=$(field "$out/l.json" "', '.join('h%d %.2f' % (h['h'], h['mae']) for h in d['horizons'] if h['h'] in (3,6,9,12))")
  echo "| los-loop | $model | rolling h12 | $(field "$out/l.json" "'%.4f' % d['overall']['wape']") | $(field "$out/l.json" "d['overall']['n']") | $maes | $t |"
done
rm -rf "$out"
