#!/usr/bin/env bash
# CPU time per zone step on 1, 2 and 3 nodes (issue 19 target on 2 cores: flat within 15 %). Per cluster: a throwaway
# PostgreSQL database (one server for all, bench/throwaway-postgres.sh) with ZONES generated zones (one occupancy
# counter each), its own redis-server and N `serve --cluster` nodes on loopback; a feeder posts one reading per zone to
# the cluster's first node every 5 s (readings reach the zones of the other nodes through the store, as in production).
# Clusters joined by "+" in a group run side by side and are measured over the same window, so that the shared
# machine's drifting speed falls on all of them alike ("1+3" runs a single node beside a three-node cluster); the
# groups run one after another. Once each cluster's /cluster shows its zones settled over its nodes and WARMUP seconds
# have passed (the steady state: the JIT's tiering done), each node's CPU time (utime + stime from /proc/PID/stat) and
# its monitor steps (surgewatch_live_step_duration_seconds_count at /metrics) are read at the start and the end of a
# WINDOW-second window; a node's zone steps are its steps × the zones it holds. Reported per cluster: CPU ms per 1,000
# zone steps over all its nodes (everything the nodes do: steps, sweeps, catch-up reads, ingest, Orleans), per node,
# and its ratio to the group's smallest cluster. The feeders', PostgreSQL's and Redis' CPU is not counted.
# Usage: bench/cluster-step-cpu.sh [ZONES] [WINDOW_SECONDS] [GROUPS] [WARMUP_SECONDS]
#   (default 10000 180 "1+3 1+2" 120; a group of one count, "1 2 3", runs the counts one after another as before).
#   Windows of several minutes: the nodes do some work once a minute (the read-back from the store, a new try at the
#   zones' empty forecasts), which a 60 s window catches zero, one or two times on each cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-10000}; window=${2:-180}; groups=${3:-"1+3 1+2"}; warmup=${4:-120}
source bench/cluster-nodes.sh
tck=$(getconf CLK_TCK)
grid_zones "$zones" > "$work/zones.geojson"
held() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(next(len(n["zones"]) for n in c["nodes"] if n["address"]==c["self"]))'; }
steps() { curl -sf -H "Authorization: Bearer $key" "$1/metrics" | awk '/^surgewatch_live_step_duration_seconds_count/ {s+=$NF} END {print s+0}'; }
cpu() { awk -v t="$tck" '{print ($14 + $15) / t}' "/proc/$1/stat"; }
feed() {
  python3 - "$1" "$key" "$zones" > "$2" 2>&1 <<'PY' & side_pids+=($!)
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
}

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones a cluster, a reading per zone every 5 s, ${warmup} s warm-up, ${window} s windows, zone sweep every ${Surgewatch__Cluster__SweepInterval:-00:00:02}"
run=0
for group in $groups; do
  run=$((run + 1))
  IFS='+' read -r -a counts <<< "$group"
  node_pids=(); node_urls=(); node_cluster=()
  for k in "${!counts[@]}"; do
    n=${counts[$k]}
    create_db "cpu${run}_${k}_$n"
    start_cluster "$n" "$run-$k"
    # start_cluster appended this cluster's n nodes to pids: the last n entries.
    for i in $(seq 0 $((n - 1))); do node_pids+=("${pids[-n + i]}"); node_urls+=("${urls[$i]}"); node_cluster+=("$k"); done
    feed "${urls[0]}" "$work/feeder$run-$k.log"
  done
  for k in "${!counts[@]}"; do
    first=; for j in "${!node_cluster[@]}"; do [ "${node_cluster[$j]}" = "$k" ] && { first=${node_urls[$j]}; break; }; done
    await_settled "$first" "${counts[$k]}" "$zones" || { echo "${counts[$k]} nodes: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
  done
  sleep "$warmup"
  c0=(); s0=(); h=()
  for j in "${!node_pids[@]}"; do c0[$j]=$(cpu "${node_pids[$j]}"); s0[$j]=$(steps "${node_urls[$j]}"); h[$j]=$(held "${node_urls[$j]}"); done
  load0=$(cut -d' ' -f1 /proc/loadavg)
  sleep "$window"
  c1=(); s1=()
  for j in "${!node_pids[@]}"; do c1[$j]=$(cpu "${node_pids[$j]}"); s1[$j]=$(steps "${node_urls[$j]}"); done
  python3 - "$group" "$window" "$load0 → $(cut -d' ' -f1 /proc/loadavg)" <<PY
import sys
group, window, load = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cluster = [int(x) for x in "${node_cluster[*]}".split()]
c0 = [float(x) for x in "${c0[*]}".split()]; c1 = [float(x) for x in "${c1[*]}".split()]
s0 = [float(x) for x in "${s0[*]}".split()]; s1 = [float(x) for x in "${s1[*]}".split()]
h = [int(x) for x in "${h[*]}".split()]
figures = {}
for k in sorted(set(cluster)):
    nodes = [j for j in range(len(cluster)) if cluster[j] == k]
    cpu = sum(c1[j] - c0[j] for j in nodes); zone_steps = sum((s1[j] - s0[j]) * h[j] for j in nodes)
    figures[k] = (len(nodes), 1e6 * cpu / zone_steps, cpu, zone_steps,
                  "; ".join(f"node {i + 1}: {h[j]} zones, {s1[j] - s0[j]:.0f} steps, {c1[j] - c0[j]:.1f} CPU s" for i, j in enumerate(nodes)))
base = min(figures.values(), key=lambda f: f[0])
for n, ms, cpu, zs, per in figures.values():
    beside = f", {ms / base[1]:.2f}x the {base[0]} node(s) beside it" if n != base[0] else ""
    print(f"{group}: {n} node(s): {ms:.1f} CPU ms per 1,000 zone steps{beside} "
          f"({cpu:.1f} CPU s over {zs:.0f} zone steps in {window} s; {per}); load {load}")
PY
  stop_all
done
