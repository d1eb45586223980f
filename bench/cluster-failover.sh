#!/usr/bin/env bash
# Failover of the Orleans cluster (issue 19 target: from kill -9 of a node to every one of its zones held by a survivor,
# median of 5 runs <= 30 s) and the zones' balance over real processes. Per run: a throwaway PostgreSQL database (one
# server for all runs, bench/throwaway-postgres.sh) with ZONES generated zones, a throwaway redis-server, three
# `serve --cluster` nodes on loopback; once /cluster shows the zones settled over the three, the first node's process is
# killed with SIGKILL and the survivors' /cluster is polled every 0.5 s until they hold every zone between them. Prints
# each run's balance and failover time, then the median. A held zone is stepped at the holder's next monitor step (1 s).
# Usage: bench/cluster-failover.sh [RUNS] [ZONES]   (needs the built CLI, PostgreSQL's programs and redis-server)
# The membership's timing comes from Surgewatch__Cluster__ProbeTimeout and Surgewatch__Cluster__MissedProbesLimit
# (Orleans' own defaults: Surgewatch__Cluster__ProbeTimeout=00:00:05).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; zones=${2:-60}
source bench/cluster-nodes.sh
grid_zones "$zones" > "$work/zones.geojson"
now() { date +%s.%N; }

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones, 3 nodes, membership probe timeout ${Surgewatch__Cluster__ProbeTimeout:-00:00:02} x ${Surgewatch__Cluster__MissedProbesLimit:-3} missed probes"
: > "$work/times"
for run in $(seq 1 "$runs"); do
  create_db "cluster$run"
  start_cluster 3 "$run"
  await_settled "${urls[1]}" 3 "$zones" || { echo "run $run: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
  t0=$(now); kill -9 "${pids[0]}"
  for _ in $(seq 1 240); do
    read -r active held after <<< "$(summary "${urls[1]}")"
    [ "$active" = 2 ] && [ "$held" = "$zones" ] && break; sleep 0.5
  done
  t1=$(now)
  [ "$active" = 2 ] && [ "$held" = "$zones" ] || { echo "run $run: the survivors did not take the zones over in 120 s" >&2; exit 1; }
  secs=$(echo "$t1 - $t0" | bc -l); echo "$secs" >> "$work/times"
  printf 'run %d: settled shares %s of %d zones; kill -9 to every zone held by the survivors (%s): %.1f s\n' "$run" "$shares" "$zones" "$after" "$secs"
  stop_all
done
printf 'median of %d runs: %.1f s\n' "$runs" "$(sort -g "$work/times" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')"
