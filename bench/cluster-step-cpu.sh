#!/usr/bin/env bash
# CPU time per zone step on 1, 2 and 3 nodes (issue 19 target on 2 cores: flat within 15 %). Per node count: a
# throwaway PostgreSQL database (one server for all counts, bench/throwaway-postgres.sh) with ZONES generated zones
# (one occupancy counter each), a throwaway redis-server and N `serve --cluster` nodes on loopback; a feeder posts one
# reading per zone to the first node every 5 s (readings reach the zones of the other nodes through the store, as in
# production). Once /cluster shows the zones settled over the N nodes, each node's CPU time (utime + stime from
# /proc/PID/stat) and its monitor steps (surgewatch_live_step_duration_seconds_count at /metrics) are read at the start
# and the end of a WINDOW-second window; a node's zone steps are its steps × the zones it holds. Reported: CPU ms per
# 1,000 zone steps over all nodes (everything the nodes do: steps, sweeps, catch-up reads, ingest, Orleans), and per
# node. The feeder's own CPU is not counted.
# Usage: bench/cluster-step-cpu.sh [ZONES] [WINDOW_SECONDS] [NODE_COUNTS]   (default 3000 60 "1 2 3"; a count may repeat, "1 2 3 3 2 1" alternates)
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-3000}; window=${2:-60}; counts=${3:-"1 2 3"}
source bench/cluster-nodes.sh
tck=$(getconf CLK_TCK)
grid_zones "$zones" > "$work/zones.geojson"
held() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(next(len(n["zones"]) for n in c["nodes"] if n["address"]==c["self"]))'; }
steps() { curl -sf -H "Authorization: Bearer $key" "$1/metrics" | awk '/^surgewatch_live_step_duration_seconds_count/ {s+=$NF} END {print s+0}'; }
cpu() { awk -v t="$tck" '{print ($14 + $15) / t}' "/proc/$1/stat"; }

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones, a reading per zone every 5 s, ${window} s windows, zone sweep every ${Surgewatch__Cluster__SweepInterval:-00:00:02}"
run=0
for n in $counts; do
  run=$((run + 1))
  create_db "cpu${n}_$run"
  start_cluster "$n" "$n"
  python3 - "${urls[0]}" "$key" "$zones" > "$work/feeder$n.log" 2>&1 <<'PY' & side_pids+=($!)
import sys, time, random, urllib.request, datetime
url, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
while True:
    at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = "".join(f'{{"sensorId":"s{i}","timestamp":"{at}","value":{random.randint(0, 40)}}}\n' for i in range(n)).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(url + "/api/v1/readings", body, {"Content-Type": "application/x-ndjson", "Authorization": "Bearer " + key}), timeout=30).read()
    except Exception as e:
        print(e, flush=True)
    time.sleep(5)
PY
  await_settled "${urls[0]}" "$n" "$zones" || { echo "$n nodes: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
  sleep 10
  declare -a c0 s0 h
  for i in $(seq 0 $((n - 1))); do c0[$i]=$(cpu "${pids[$i]}"); s0[$i]=$(steps "${urls[$i]}"); h[$i]=$(held "${urls[$i]}"); done
  sleep "$window"
  total_cpu=0; total_steps=0; per=()
  for i in $(seq 0 $((n - 1))); do
    c1=$(cpu "${pids[$i]}"); s1=$(steps "${urls[$i]}")
    dc=$(echo "$c1 - ${c0[$i]}" | bc -l); zs=$(echo "(${s1} - ${s0[$i]}) * ${h[$i]}" | bc -l)
    total_cpu=$(echo "$total_cpu + $dc" | bc -l); total_steps=$(echo "$total_steps + $zs" | bc -l)
    per+=("$(printf 'node %d: %d zones, %.0f steps, %.1f CPU s' $((i + 1)) "${h[$i]}" "$(echo "$s1 - ${s0[$i]}" | bc -l)" "$dc")")
  done
  printf '%d node(s): %.1f CPU ms per 1,000 zone steps (%.1f CPU s over %.0f zone steps in %d s; %s); load %s\n' "$n" \
    "$(echo "1000000 * $total_cpu / $total_steps" | bc -l)" "$total_cpu" "$total_steps" "$window" "$(IFS=';'; echo "${per[*]}")" "$(cut -d' ' -f1 /proc/loadavg)"
  stop_all
done
