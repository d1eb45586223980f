#!/usr/bin/env bash
# Two of three nodes lost at once (issue 19): three `serve --cluster` nodes on loopback hold ZONES generated zones;
# once settled, two are killed with `kill -9` together, and the survivor's /cluster is polled every second until it
# alone is active and holds every zone. Alone it has one vote where declaring a node dead takes two, so it waits until
# the dead nodes count no more among the voters: they wrote nothing to the membership table for twice
# Surgewatch:Cluster:AliveEvery (10 s; Orleans' default 30 s). Prints the seconds each run took; RUNS runs.
# Usage: bench/cluster-two-down.sh [RUNS] [ZONES]   (default 3 300)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; zones=${2:-300}
source bench/cluster-nodes.sh
grid_zones "$zones" > "$work/zones.geojson"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones over 3 nodes, two killed at once, AliveEvery ${Surgewatch__Cluster__AliveEvery:-00:00:10}"
took=()
for run in $(seq 1 "$runs"); do
  create_db "two_down_$run"
  start_cluster 3 "two-down-$run"
  await_settled "${urls[0]}" 3 "$zones" || { echo "run $run: the cluster did not settle" >&2; exit 1; }
  sleep 5
  t0=$(date +%s.%N)
  kill -9 "${pids[1]}" "${pids[2]}"
  done_at=
  for _ in $(seq 1 600); do
    read -r active held _ <<< "$(summary "${urls[0]}")"
    if [ "$active" = 1 ] && [ "$held" = "$zones" ]; then done_at=$(date +%s.%N); break; fi
    sleep 1
  done
  [ -n "$done_at" ] || { echo "run $run: the survivor did not hold every zone within 10 minutes" >&2; exit 1; }
  took+=("$(python3 -c "print(f'{$done_at - $t0:.1f}')")")
  echo "run $run: the survivor holds all $zones zones $(printf '%s' "${took[-1]}") s after the kill"
  stop_all
done
python3 -c "import statistics,sys; t=[float(x) for x in sys.argv[1:]]; print(f'median {statistics.median(t):.1f} s ({min(t):.1f}-{max(t):.1f}) over {len(t)} runs')" "${took[@]}"
