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
cli=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll
[ -f "$cli" ] || { echo "Build the CLI first: dotnet build -c Release src/Surgewatch.Cli" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server (or bash eng/install-deps.sh)" >&2; exit 1; }
source bench/throwaway-postgres.sh ""
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
# /cluster of a node as "ACTIVE_NODES HELD_ZONES SHARES" (shares: each active node's zone count).
summary() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); a=[n for n in c["nodes"] if n["status"]=="active"]; print(len(a), sum(len(n["zones"]) for n in a), ",".join(str(len(n["zones"])) for n in a))' 2>/dev/null || echo "0 0 -"; }
now() { date +%s.%N; }
pids=(); redis_pid=
stop_all() { for p in "${pids[@]}" $redis_pid; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); redis_pid=; }
trap 'stop_all; "${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $zones zones, 3 nodes, membership probe timeout ${Surgewatch__Cluster__ProbeTimeout:-00:00:02} x ${Surgewatch__Cluster__MissedProbesLimit:-3} missed probes"
: > "$work/times"
for run in $(seq 1 "$runs"); do
  psql_ -d postgres -c "CREATE DATABASE cluster$run"
  db="postgresql://bench@127.0.0.1:$port/cluster$run"
  dotnet "$cli" zones import "$work/zones.geojson" --db "$db" >/dev/null
  rport=$(free_port); redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 & redis_pid=$!
  urls=()
  for n in 1 2 3; do
    hport=$(free_port); url="http://127.0.0.1:$hport"; urls+=("$url")
    SURGEWATCH_BOOTSTRAP_KEY=bench-key-0123456789abcdefghijkl Logging__LogLevel__Default=Warning \
      dotnet "$cli" serve --db "$db" --urls "$url" --cluster "redis://127.0.0.1:$rport" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
      > "$work/node$run-$n.log" 2>&1 & pids+=($!)
  done
  # Settled: three active nodes holding every zone, with the same shares in three polls 5 s apart (zones migrate to
  # a node that joined at the sweeps' pace, which with thousands of zones is slower than one poll).
  last=; same=0; for _ in $(seq 1 120); do
    read -r active held shares <<< "$(summary "${urls[1]}")"
    if [ "$active" = 3 ] && [ "$held" = "$zones" ] && [ "$shares" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ "$same" -ge 2 ] && break
    last=$shares; sleep 5
  done
  [ "$active" = 3 ] && [ "$held" = "$zones" ] || { echo "run $run: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
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
