#!/usr/bin/env bash
# How far could a forecast go if it knew, in advance, what no forecast can know? Reads a backtest's --pairs CSV
# (timestamp,sensor_id,horizon,actual,forecast) and prints the WAPE of the forecasts as they are, and after two
# oracle corrections that use the actuals themselves:
# - "city-wide shock": each forecast times the ratio actual ÷ forecast summed over the OTHER sensors at the same
#   timestamp (leave-one-out; only where those forecasts sum to more than 50 and at least 6 other sensors report).
#   This is the most any city-wide factor known in advance (weather, a public-transport strike, a school holiday
#   nobody listed) could correct by scaling: a perfect weather forecast cannot do better than this at scaling.
# - "sensor-day level": each forecast times its own sensor's actual ÷ forecast summed over the target's day, i.e. the
#   forecast knows every sensor's exact daily total in advance and must only get the shape of the day right.
# Neither oracle is a model: they bound what extra information of those kinds can be worth (docs/benchmarks.md).
# Each target must appear once: pass HORIZON when the pairs hold several horizons per target (a rolling backtest
# with --horizon above 1); day-ahead pairs and rolling h = 1 pairs need none.
# Usage: bench/oracle-bounds.sh PAIRS.csv [HORIZON]
set -euo pipefail
pairs="${1:?usage: bench/oracle-bounds.sh PAIRS.csv [HORIZON]}"
horizon="${2:-}"
awk -F, -v only="$horizon" '
  FNR == 1 { next }
  only != "" && $3 != only { next }
  NR == FNR {
    ts = $1; sa[ts] += $4; sf[ts] += $5; sn[ts]++
    day = substr($1, 1, 10) SUBSEP $2; da[day] += $4; df[day] += $5
    next
  }
  {
    a = $4; f = $5; ts = $1; day = substr($1, 1, 10) SUBSEP $2
    total += a; err += abs(a - f)
    oa = sa[ts] - a; of = sf[ts] - f
    k = (of > 50 && sn[ts] - 1 >= 6) ? oa / of : 1
    city += abs(a - f * k)
    k = df[day] > 0 ? da[day] / df[day] : 1
    level += abs(a - f * k)
  }
  function abs(x) { return x < 0 ? -x : x }
  END {
    if (total == 0) { print "no pairs with a positive actual" > "/dev/stderr"; exit 1 }
    printf "| forecasts as they are | oracle: city-wide shock known | oracle: each sensor-day total known |\n"
    printf "|---:|---:|---:|\n"
    printf "| %.4f | %.4f | %.4f |\n", err / total, city / total, level / total
  }' "$pairs" "$pairs"
