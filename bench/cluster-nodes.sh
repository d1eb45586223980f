# Sourced by the cluster benchmarks (cluster-failover, cluster-no-loss, cluster-step-cpu), from the repository root:
# checks for the built CLI and redis-server, starts a throwaway PostgreSQL (bench/throwaway-postgres.sh) and defines the
# helpers that run `serve --cluster` nodes on loopback, each cluster with its own database and redis-server. Sets cli and
# key (besides throwaway-postgres.sh's bin, work, port and as); the processes it starts go in pids (the nodes, in order)
# and redis_pids, and a script puts its own in side_pids; stop_all kills them all, and the exit trap also stops PostgreSQL.
# Usage: source bench/cluster-nodes.sh
cli=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll
[ -f "$cli" ] || { echo "Build the CLI first: dotnet build -c Release src/Surgewatch.Cli" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server (or bash eng/install-deps.sh)" >&2; exit 1; }
source bench/throwaway-postgres.sh ""
key=bench-key-0123456789abcdefghijkl
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# /cluster of a node as "ACTIVE_NODES HELD_ZONES SHARES" (shares: each active node's zone count).
summary() { curl -sf "$1/api/v1/cluster" | python3 -c 'import json,sys; c=json.load(sys.stdin); a=[n for n in c["nodes"] if n["status"]=="active"]; print(len(a), sum(len(n["zones"]) for n in a), ",".join(str(len(n["zones"])) for n in a))' 2>/dev/null || echo "0 0 -"; }
pids=(); redis_pids=(); side_pids=()
stop_all() { for p in "${pids[@]}" "${redis_pids[@]}" "${side_pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); redis_pids=(); side_pids=(); }
trap 'stop_all; "${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT

# Writes a GeoJSON of N generated zones on a grid, z00000 onwards, each with one occupancy counter (s0 onwards).
grid_zones() {
  python3 - "$1" <<'PY'
import json, sys
n = int(sys.argv[1]); features = []
for i in range(n):
    x = 144.9 + (i % 100) * 0.002; y = -37.8 - (i // 100) * 0.002
    features.append({"type": "Feature", "properties": {"id": f"z{i:05d}", "name": f"Zone {i}", "sources": [{"sensorId": f"s{i}", "role": "occupancy"}]},
                     "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]]}})
print(json.dumps({"type": "FeatureCollection", "features": features}))
PY
}

# Creates database NAME on the throwaway server with the zones of $work/zones.geojson; sets db to its connection string.
create_db() {
  psql_ -d postgres -c "CREATE DATABASE $1"
  db="postgresql://bench@127.0.0.1:$port/$1"
  dotnet "$cli" zones import "$work/zones.geojson" --db "$db" >/dev/null
}

# Starts a redis-server and COUNT `serve --cluster` nodes on $db, node I logging to $work/nodeTAG-I.log, with the
# settings VAR=VALUE given besides the bootstrap key and warnings-only logs. Sets rport and urls; adds the nodes to pids.
# With node_pin=C set, node I runs on cores (I-1)*C .. I*C-1 alone (taskset).
start_cluster() {
  local count=$1 tag=$2 i hport url pin; shift 2
  rport=$(free_port); redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 & redis_pids+=($!)
  urls=()
  for i in $(seq 1 "$count"); do
    hport=$(free_port); url="http://127.0.0.1:$hport"; urls+=("$url")
    pin=(); [ -z "${node_pin:-}" ] || pin=(taskset -c "$(((i - 1) * node_pin))-$((i * node_pin - 1))")
    "${pin[@]}" env SURGEWATCH_BOOTSTRAP_KEY="$key" Logging__LogLevel__Default=Warning "$@" \
      dotnet "$cli" serve --db "$db" --urls "$url" --cluster "redis://127.0.0.1:$rport" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
      > "$work/node$tag-$i.log" 2>&1 & pids+=($!)
  done
}

# Polls URL's /cluster until NODES active nodes hold ZONES zones with the same shares in three polls 5 s apart (zones
# migrate to a node that joined at the sweeps' pace, which with thousands of zones is slower than one poll), for 10
# minutes at the most. Sets active, held and shares to the last poll; fails when the nodes do not hold every zone.
await_settled() {
  local last= same=0 poll
  for poll in $(seq 1 120); do
    read -r active held shares <<< "$(summary "$1")"
    if [ "$active" = "$2" ] && [ "$held" = "$3" ] && [ "$shares" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ "$same" -ge 2 ] && break
    last=$shares; sleep 5
  done
  [ "$active" = "$2" ] && [ "$held" = "$3" ]
}
