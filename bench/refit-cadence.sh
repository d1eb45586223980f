#!/usr/bin/env bash
# Retraining cadence on Melbourne 2014 with gbm (issue 16.5): evaluate-warnings and the rolling 1-hour backtest with one
# fit before 2014 and with a refit every 28 and 7 days (each refit on all data before its point, the rule calibrated
# again), sharing one fit cache, so each fit is made once. Prints one Markdown row per cadence and keeps the JSONs.
# Usage: bench/refit-cadence.sh OUT-DIR [CADENCE ...]   (default cadences: single 28d 7d)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:?give an output folder}"); shift
cadences=("${@:-single 28d 7d}"); [ $# -eq 0 ] && cadences=(single 28d 7d)
mkdir -p "$out/fits"
mel=../shared/data/pedestrians/melbourne
dotnet build -c Release src/Surgewatch.Cli --nologo -v quiet >/dev/null
sw=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch
common=(--data "$mel" --test-from 2014-01-01 --model gbm --holidays au-vic --events melbourne-2009-2014 --fit-cache "$out/fits")
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }
echo "| cadence | fits | recall ≥ 1 h | day-ahead recall | precision | false / sensor / 30 d | rolling h1 WAPE | warnings wall s | backtest wall s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in "${cadences[@]}"; do
  refit=(); [ "$c" = single ] || refit=(--refit-every "$c")
  s=$(date +%s)
  "$sw" evaluate-warnings "${common[@]}" "${refit[@]}" --json "$out/warnings-$c.json" > "$out/warnings-$c.txt"
  m=$(date +%s)
  "$sw" backtest "${common[@]}" "${refit[@]}" --protocol rolling --horizon 1 --no-intervals --json "$out/backtest-$c.json" > "$out/backtest-$c.txt"
  e=$(date +%s)
  w="$out/warnings-$c.json"; b="$out/backtest-$c.json"
  echo "| $c | $(field "$w" "d['fits']") | $(field "$w" "'%.4f' % d['recallLead1h']") | $(field "$w" "'%.4f' % d['recallDayAhead']") | $(field "$w" "'%.4f' % d['precision']") | $(field "$w" "'%.2f' % d['falseEpisodesPerSensor30d']") | $(field "$b" "'%.4f' % d['overall']['wape']") | $((m - s)) | $((e - m)) |"
done
