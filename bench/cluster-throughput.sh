#!/usr/bin/env bash
# Ingest and zone-step throughput of 1 node against N nodes, for the machine with many cores (issue 19 target on the
# 16-core device: 4 nodes >= 3.2x one node). Each node is pinned to its own CORES cores (node i on cores
# (i-1)*CORES .. i*CORES-1), as if on its own machine; PostgreSQL (one throwaway server, bench/throwaway-postgres.sh),
# each cluster's redis-server and the load generators get the cores after the largest cluster's. Per cluster size: a
# fresh database with ZONES generated zones (one occupancy counter each), the nodes settled over the zones, then one
# load generator per node (bench/Surgewatch.LoadTest `ingest`, CONNECTIONS keep-alive connections, BATCHES batches of
# 1,000 readings of sensors new to the run) posting to its node, all at once. Reported per size: the readings/s the
# generators got acknowledged (summed) and the zone steps per second over the load window (each node's monitor steps at
# /metrics times the zones it holds: a node steps once a second and after ingests, as fast as it can under load), and
# each ratio to the first size.
# Usage: bench/cluster-throughput.sh [SIZES] [CORES] [ZONES] [BATCHES] [CONNECTIONS]   (default "1 4" 2 10000 4000 4;
#   CORES 0 pins nothing: a try of the script on a small machine)
# Needs the built CLI and load generator (dotnet build -c Release src/Surgewatch.Cli bench/Surgewatch.LoadTest),
# PostgreSQL's programs and redis-server (bash eng/install-deps.sh), and util-linux's taskset.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1 4"}; cores=${2:-2}; zones=${3:-10000}; batches=${4:-4000}; connections=${5:-4}
load_dll=bench/Surgewatch.LoadTest/bin/Release/net10.0/Surgewatch.LoadTest.dll
[ -f "$load_dll" ] || { echo "Build the load generator first: dotnet build -c Release bench/Surgewatch.LoadTest" >&2; exit 1; }
largest=0; for n in $sizes; do [ "$n" -gt "$largest" ] && largest=$n; done
rest_from=$((largest * cores)); last=$(($(nproc) - 1))
[ "$rest_from" -le "$last" ] || { echo "$largest nodes of $cores cores leave none of the $(nproc) for PostgreSQL and the load" >&2; exit 1; }
rest="$rest_from-$last"
# CORES 0: nothing pinned (a try of the script on a small machine; its ratios mean little).
pin_nodes=$cores; [ "$cores" -gt 0 ] || pin_nodes=
source bench/cluster-nodes.sh
taskset -a -p -c "$rest" "$(head -1 "$work/data/postmaster.pid")" >/dev/null
steps() { curl -sf -H "Authorization: Bearer $key" "$1/metrics" | awk '/^surgewatch_live_step_duration_seconds_count/ {s+=$NF} END {print s+0}'; }
held() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(next(len(n["zones"]) for n in c["nodes"] if n["address"]==c["self"]))'; }
grid_zones "$zones" > "$work/zones.geojson"
placing="nodes of $cores cores each; PostgreSQL, Redis and the load on cores $rest"; [ "$cores" -gt 0 ] || placing="nothing pinned"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones; $placing; $connections connections x $batches batches of 1,000 per node"
base_ingest=; base_steps=
for n in $sizes; do
  create_db "tput$n"
  node_pin=$pin_nodes start_cluster "$n" "tput$n"
  for p in "${redis_pids[@]}"; do taskset -a -p -c "$rest" "$p" >/dev/null; done
  await_settled "${urls[0]}" "$n" "$zones" || { echo "$n nodes: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
  # A warm-up of each node's ingest path (the JIT), then the measured load.
  for u in "${urls[@]}"; do taskset -c "$rest" dotnet "$load_dll" ingest "$u" "$key" "$connections" 200 > /dev/null; done
  h=(); s0=()
  for u in "${urls[@]}"; do h+=("$(held "$u")"); s0+=("$(steps "$u")"); done
  started=$(date +%s.%N); gens=()
  for i in "${!urls[@]}"; do
    taskset -c "$rest" dotnet "$load_dll" ingest "${urls[$i]}" "$key" "$connections" "$batches" > "$work/load$n-$i.txt" & gens+=($!)
  done
  wait "${gens[@]}"
  ended=$(date +%s.%N); s1=()
  for u in "${urls[@]}"; do s1+=("$(steps "$u")"); done
  read -r ingest zone_steps < <(python3 - "$n" "$started" "$ended" "$work" "${h[*]}" "${s0[*]}" "${s1[*]}" <<'PY'
import re, sys
n, started, ended, work = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
h, s0, s1 = ([float(x) for x in a.split()] for a in sys.argv[5:8])
rates = [float(re.search(r"([\d,]+) readings/s", open(f"{work}/load{n}-{i}.txt").read()).group(1).replace(",", "")) for i in range(n)]
print(sum(rates), sum((s1[i] - s0[i]) * h[i] for i in range(n)) / (ended - started))
PY
)
  base_ingest=${base_ingest:-$ingest}; base_steps=${base_steps:-$zone_steps}
  python3 - "$n" "$ingest" "$zone_steps" "$base_ingest" "$base_steps" "$(cut -d' ' -f1 /proc/loadavg)" "${h[*]}" <<'PY'
import sys
n, ingest, steps, bi, bs, load, held = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6], sys.argv[7]
print(f"{n} node(s): {ingest:,.0f} readings/s acknowledged ({ingest / bi:.2f}x), {steps:,.0f} zone steps/s ({steps / bs:.2f}x); zones held {held.replace(' ', ' / ')}; load {load}")
PY
  cat "$work"/load"$n"-*.txt | sed 's/^/  /'
  stop_all
done
