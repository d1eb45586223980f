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
# Usage: bench/cluster-step-cpu.sh [ZONES] [WINDOW_SECONDS] [NODE_COUNTS]   (default 3000 60 "1 2 3")
set -euo pipefail
cd "$(dirname "$0")/.."
zones=${1:-3000}; window=${2:-60}; counts=${3:-"1 2 3"}
cli=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll
[ -f "$cli" ] || { echo "Build the CLI first: dotnet build -c Release src/Surgewatch.Cli" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server (or bash eng/install-deps.sh)" >&2; exit 1; }
source bench/throwaway-postgres.sh ""
key=bench-key-0123456789abcdefghijkl
tck=$(getconf CLK_TCK)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
python3 - "$zones" > "$work/zones.geojson" <<'PY'
import json, sys
n = int(sys.argv[1]); features = []
for i in range(n):
    x = 144.9 + (i % 100) * 0.002; y = -37.8 - (i // 100) * 0.002
    features.append({"type": "Feature", "properties": {"id": f"z{i:05d}", "name": f"Zone {i}", "sources": [{"sensorId": f"s{i}", "role": "occupancy"}]},
                     "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]]}})
print(json.dumps({"type": "FeatureCollection", "features": features}))
PY
summary() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); a=[n for n in c["nodes"] if n["status"]=="active"]; print(len(a), sum(len(n["zones"]) for n in a), ",".join(str(len(n["zones"])) for n in a))' 2>/dev/null || echo "0 0 -"; }
held() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(next(len(n["zones"]) for n in c["nodes"] if n["address"]==c["self"]))'; }
steps() { curl -sf -H "Authorization: Bearer $key" "$1/metrics" | awk '/^surgewatch_live_step_duration_seconds_count/ {s+=$NF} END {print s+0}'; }
cpu() { awk -v t="$tck" '{print ($14 + $15) / t}' "/proc/$1/stat"; }
pids=(); redis_pid=; feeder_pid=
stop_all() { for p in "${pids[@]}" $redis_pid $feeder_pid; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); redis_pid=; feeder_pid=; }
trap 'stop_all; "${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones, a reading per zone every 5 s, ${window} s windows, zone sweep every ${Surgewatch__Cluster__SweepInterval:-00:00:02}"
for n in $counts; do
  psql_ -d postgres -c "CREATE DATABASE cpu$n"
  db="postgresql://bench@127.0.0.1:$port/cpu$n"
  dotnet "$cli" zones import "$work/zones.geojson" --db "$db" >/dev/null
  rport=$(free_port); redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 & redis_pid=$!
  urls=()
  for i in $(seq 1 "$n"); do
    hport=$(free_port); url="http://127.0.0.1:$hport"; urls+=("$url")
    SURGEWATCH_BOOTSTRAP_KEY=$key Logging__LogLevel__Default=Warning \
      dotnet "$cli" serve --db "$db" --urls "$url" --cluster "redis://127.0.0.1:$rport" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
      > "$work/node$n-$i.log" 2>&1 & pids+=($!)
  done
  python3 - "${urls[0]}" "$key" "$zones" > "$work/feeder$n.log" 2>&1 <<'PY' & feeder_pid=$!
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
  last=; same=0; for _ in $(seq 1 120); do
    read -r active heldall shares <<< "$(summary "${urls[0]}")"
    if [ "$active" = "$n" ] && [ "$heldall" = "$zones" ] && [ "$shares" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ "$same" -ge 2 ] && break
    last=$shares; sleep 5
  done
  [ "$active" = "$n" ] && [ "$heldall" = "$zones" ] || { echo "$n nodes: the cluster did not settle ($active active, $heldall zones held)" >&2; exit 1; }
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
