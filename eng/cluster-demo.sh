#!/usr/bin/env bash
# A three-node Surgewatch cluster on this machine, playing the demo city: a throwaway PostgreSQL (the shared store)
# and a throwaway Redis (the Orleans membership), installed from Debian when missing, then three `serve --demo
# --cluster` nodes on loopback sharing one simulated clock. Prints the URLs and how to kill a node; Ctrl-C stops
# everything it started and deletes the throwaway databases.
# Usage: bash eng/cluster-demo.sh   (ports: SURGEWATCH_DEMO_PORTS="5081 5082 5083"; speed: SURGEWATCH_DEMO_SPEED=60)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a http_ports <<< "${SURGEWATCH_DEMO_PORTS:-5081 5082 5083}"
speed=${SURGEWATCH_DEMO_SPEED:-60}

need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing from Debian: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

cli=src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll
if [ ! -f "$cli" ]; then
  echo "Building the CLI (once)…"
  dotnet build src/Surgewatch.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
fi
for p in "${http_ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is taken; choose others: SURGEWATCH_DEMO_PORTS=\"6081 6082 6083\" bash eng/cluster-demo.sh" >&2; exit 1
  fi
done

# The store: a throwaway PostgreSQL on a free port (sets bin, work, port, as and psql_, and stops it at exit).
source bench/throwaway-postgres.sh ""
psql_ -d postgres -c "CREATE DATABASE demo"
db="postgresql://bench@127.0.0.1:$port/demo"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$work/redis.log" 2>&1 & redis_pid=$!

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo; echo "Stopping the nodes, Redis and PostgreSQL…"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true
  "${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null || true
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# One clock for the three: the simulated time (and the demo's surge) starts at this real instant on every node.
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
admin_key=demo-admin-key-$(python3 -c 'import secrets; print(secrets.token_hex(12))')
urls=()
for n in 1 2 3; do
  url="http://127.0.0.1:${http_ports[$((n - 1))]}"; urls+=("$url")
  SURGEWATCH_BOOTSTRAP_KEY=$admin_key Surgewatch__StartedAt=$started Logging__LogLevel__Default=Warning Logging__LogLevel__Surgewatch=Information \
    dotnet "$cli" serve --demo --speed "$speed" --db "$db" --urls "$url" --cluster "redis://127.0.0.1:$redis_port" \
    --silo-port "$(free_port)" --gateway-port "$(free_port)" > "$work/node$n.log" 2>&1 & pids+=($!)
  # One at a time: each node stores the demo city's zones and sensors as it starts.
  for _ in $(seq 1 120); do
    curl -sf "$url/healthz" >/dev/null 2>&1 && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "Node $n stopped; its log:" >&2; tail -n 30 "$work/node$n.log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$url/healthz" >/dev/null || { echo "Node $n did not answer within 2 minutes; its log:" >&2; tail -n 30 "$work/node$n.log" >&2; exit 1; }
  if [ "$n" = 1 ]; then
    # The first node, alone, holds the counters' and roads' steps: it lays the city's five weeks of history down, then trains on it.
    echo "Node 1 is up at $url/ and lays the demo city's history down (about a minute)…"
    for _ in $(seq 1 300); do grep -q "feeds the demo city" "$work/node1.log" && break; sleep 1; done
  fi
done

cat <<EOF

Three Surgewatch nodes play the demo city (store: $db, membership: redis://127.0.0.1:$redis_port):
  node 1  ${urls[0]}/   (pid ${pids[0]})
  node 2  ${urls[1]}/   (pid ${pids[1]})
  node 3  ${urls[2]}/   (pid ${pids[2]})
Every node serves the dashboard and the API; the top bar counts the nodes. Who holds which zone:
  curl -s ${urls[0]}/api/v1/cluster
The node holding the counters' lead group (~counters/0) feeds the city's readings and trains the counters' model,
the one holding ~roads/0 the roads'; the counters and roads are forecast and warned about in 12 groups each, spread
over the nodes like the zones each node steps. Kill a node to watch the others take its zones and groups over
within about 10 s:
  kill -9 ${pids[1]}      # node 2
Admin key for the API: $admin_key    Logs: $work/node{1,2,3}.log
Press Ctrl-C to stop everything.
EOF
wait "${pids[@]}" 2>/dev/null || true
echo "All three nodes have stopped."
