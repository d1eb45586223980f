#!/usr/bin/env bash
# Scores a model on Los-loop exactly as T-GCN's own code scores itself (lehaifeng/T-GCN, T-GCN-TensorFlow:
# input_data.preprocess_data and main.evaluation), so that our figures sit beside the paper's on the same footing:
# - split: the first int(0.8 × 2016) = 1,612 slots train, the last 404 (from 2012-03-06T14:20) test;
# - windows: inside the test slots only, window i (i = 0 … 404 − 12 − p − 1) reads 12 slots and predicts the next p
#   (p = 3 / 6 / 9 / 12 for 15 / 30 / 45 / 60 minutes);
# - metrics: over every step 1 … p of every window and every sensor at once (testY reshaped to [-1, nodes]):
#   RMSE, MAE, accuracy = 1 − ‖Y − Ŷ‖F / ‖Y‖F, R² = 1 − SSE / SST and explained variance = 1 − Var(Y − Ŷ) / Var(Y).
# Our model is fitted once on the 1,612 training slots and forecasts every target h steps ahead from origin target − h
# (the rolling backtest with --pairs); the windows' targets are then picked from those pairs.
# Usage: bench/tgcn-protocol.sh [MODEL] [SHARED_DATA_DIR]   (default gbm ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-gbm}"
data="${2:-../shared/data}"
los="$data/traffic/los-loop"
[ -d "$los" ] || { echo "No Los-loop data under $data" >&2; exit 1; }
dotnet build -c Release src/Surgewatch.Cli -p:SkipDashboardBuild=true --nologo -v quiet >/dev/null
sw=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$sw" backtest --data "$los" --model "$model" --protocol rolling --horizon 12 --test-from 2012-03-06T14:20:00 \
  --no-intervals --json "$out/report.json" --pairs "$out/pairs.csv" >/dev/null

echo "| model | minutes | windows' pairs | RMSE | MAE | accuracy | R² | var |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
awk -F, -v model="$model" '
  NR == 1 { next }
  {
    # Slot of the target, counted from the first test slot (2012-03-06T14:20): hh:mm on the 6th or the 7th.
    split($1, dt, "T"); split(dt[2], hm, ":"); day = substr(dt[1], 9, 2) + 0
    t = ((day - 6) * 288) + (hm[1] * 12) + (hm[2] / 5) - (14 * 12 + 4)
    k = $3 + 0; a = $4 + 0; e = $4 - $5
    for (p = 3; p <= 12; p += 3) {
      # Step k of window i has target t = i + 12 + k − 1, i = 0 … 404 − 12 − p − 1.
      if (k <= p && t >= 11 + k && t <= 402 - p + k) {
        n[p]++; se[p] += e * e; ae[p] += (e < 0 ? -e : e); sa[p] += a; saa[p] += a * a; sum_e[p] += e
      }
    }
  }
  END {
    for (p = 3; p <= 12; p += 3) {
      sst = saa[p] - sa[p] * sa[p] / n[p]
      var_e = se[p] / n[p] - (sum_e[p] / n[p]) ^ 2
      printf "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f |\n", model, p * 5, n[p], sqrt(se[p] / n[p]), ae[p] / n[p],
        1 - sqrt(se[p]) / sqrt(saa[p]), 1 - se[p] / sst, 1 - var_e / (sst / n[p])
    }
  }' "$out/pairs.csv"
