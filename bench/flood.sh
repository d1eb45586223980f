#!/bin/bash
# Flood benchmark (issue 15): memory, health and log size of `surgewatch serve` under far more than 10x its rate
# limit. Builds Release, then runs floods of GET /api/v1/sensors with wrk, each against a fresh server and store:
#   anonymous        no Authorization header
#   random-token     a new random bearer token on every request (hashed and looked up, never a valid key)
#   json-warning     random tokens, JSON console logs (Logging__Console__FormatterName=json), default levels
#   json-info        the same with the request log at Information (one JSON line per request)
# During each flood it samples the server's RSS (/proc/PID/status VmRSS) and polls /healthz once a second, checks
# one 429 with curl for Retry-After, and measures the bytes the server wrote to stdout and stderr.
# Usage: bench/flood.sh [SECONDS_PER_FLOOD] [FLOOD...]    (default 60 s, all four floods)
#   env: CONNECTIONS=50 PERMITS=100 WINDOW=00:00:20 SKIP_BUILD=1 KEEP=1 (keep the per-flood files in /tmp),
#        and any server setting, e.g. DOTNET_gcServer=1
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}; shift || true
FLOODS=("${@:-anonymous random-token json-warning json-info}"); read -r -a FLOODS <<<"${FLOODS[*]}"
CONNECTIONS=${CONNECTIONS:-50}; PERMITS=${PERMITS:-100}; WINDOW=${WINDOW:-00:00:20}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Surgewatch.Cli -c Release -nologo -clp:ErrorsOnly -p:SkipDashboardBuild=true >&2
CLI=$PWD/src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll
LUA=$PWD/bench/flood.lua
WORK=$(mktemp -d /tmp/surgewatch-flood.XXXXXX)
SERVER=; SAMPLERS=()
cleanup() {
  for p in "${SAMPLERS[@]}" $SERVER; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
mib() { echo "scale=1; $1 / 1024" | bc; }
log_bytes() { cat "$1/stdout" "$1/stderr" | wc -c; }
random_token() { openssl rand -base64 32 | tr -d '\n'; }

# flood NAME MODE [VAR=value...]: one flood against a fresh server; prints one table row.
flood() {
  local name=$1 mode=$2; shift 2
  local dir=$WORK/$name port url
  mkdir -p "$dir"; port=$(free_port); url=http://127.0.0.1:$port
  # The server runs in an empty folder (its content root), as an operator would start it.
  (cd "$dir" && exec env "$@" SURGEWATCH_BOOTSTRAP_KEY="$(random_token)" \
    Surgewatch__RateLimitPermits="$PERMITS" Surgewatch__RateLimitWindow="$WINDOW" \
    dotnet "$CLI" serve --db "$dir/flood.db" --urls "$url" >"$dir/stdout" 2>"$dir/stderr") &
  SERVER=$!
  for _ in $(seq 1 240); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf "$url/healthz" >/dev/null || { echo "$name: the server did not start" >&2; cat "$dir/stderr" >&2; exit 1; }
  sleep 2
  local rss_start logs_start load
  rss_start=$(rss_kib "$SERVER"); logs_start=$(log_bytes "$dir"); load=$(cut -d' ' -f1 /proc/loadavg)
  # The samplers run while the flag file exists and finish their current sample when it goes, so that no poll is
  # cut off by the server's shutdown and counted as a failure.
  touch "$dir/flooding"
  (while [ -f "$dir/flooding" ]; do rss_kib "$SERVER" >>"$dir/rss"; sleep 1; done) & SAMPLERS+=($!)
  (while [ -f "$dir/flooding" ]; do
     curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 5 "$url/healthz" >>"$dir/health" || true
     sleep 1
   done) & SAMPLERS+=($!)
  FLOOD_MODE=$mode wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$LUA" "$url/api/v1/sensors" >"$dir/wrk" &
  local wrk_pid=$!
  sleep 5
  local auth=(); [ "$mode" = random-token ] && auth=(-H "Authorization: Bearer $(random_token)")
  curl -s -D "$dir/probe" -o /dev/null --max-time 10 "${auth[@]}" "$url/api/v1/sensors" || true
  wait "$wrk_pid"
  local rss_end logs_end
  rss_end=$(rss_kib "$SERVER"); logs_end=$(log_bytes "$dir")
  rm "$dir/flooding"; wait "${SAMPLERS[@]}"; SAMPLERS=()
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  report "$name" "$dir" "$rss_start" "$rss_end" "$((logs_end - logs_start))" "$load"
}

# report NAME DIR RSS_START RSS_END LOG_BYTES LOAD: one row of the table from a flood's files.
report() {
  local name=$1 dir=$2 rss_start=$3 rss_end=$4 logs=$5 load=$6
  local rate line replies limited retry_after peak probe health_bad health_polls health_max
  rate=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$dir/wrk")
  line=$(grep '^FLOOD' "$dir/wrk")
  field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$line"; }
  replies=$(field replies); limited=$(field limited); retry_after=$(field retry_after)
  peak=$(sort -n "$dir/rss" | tail -1); [ "$peak" -ge "$rss_end" ] || peak=$rss_end
  probe=$(awk 'NR == 1 { status = $2 } tolower($1) == "retry-after:" { ra = $2 } END { printf "%s Retry-After: %s", status, (ra == "" ? "none" : ra) }' "$dir/probe" | tr -d '\r')
  health_polls=$(wc -l <"$dir/health"); health_bad=$(awk '$1 != 200' "$dir/health" | wc -l)
  health_max=$(awk '$2 > m { m = $2 } END { printf "%.2f", m }' "$dir/health")
  printf '| %s | %s | %s | %s | %s%% | %s of %s | %s | %s | %s | %s | +%s | %s of %s (max %s s) | %s | %s |\n' \
    "$name" "$load" "$rate" "$replies" "$(echo "scale=2; 100 * $limited / $replies" | bc)" "$retry_after" "$limited" "$probe" \
    "$(mib "$rss_start")" "$(mib "$peak")" "$(mib "$rss_end")" "$(mib $((peak - rss_start)))" \
    "$health_bad" "$health_polls" "$health_max" "$logs" "$(echo "scale=2; $logs / $replies" | bc)"
}

echo "flood: ${DURATION} s x $CONNECTIONS connections per flood, limit $PERMITS per $WINDOW per key or address;" \
  "$(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (src modified)');" \
  "GC: $(grep -q '"System.GC.Server": true' "${CLI%.dll}.runtimeconfig.json" && echo server || echo workstation) per runtimeconfig${DOTNET_gcServer:+, DOTNET_gcServer=$DOTNET_gcServer}"
echo '| flood | load avg | req/s | replies | 429 share | 429 with Retry-After | curl probe | RSS start MiB | peak | end | growth (peak - start) | /healthz not 200 | log bytes | log bytes/request |'
echo '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|'
for f in "${FLOODS[@]}"; do
  case $f in
    anonymous) flood anonymous anonymous ;;
    random-token) flood random-token random-token ;;
    json-warning) flood json-warning random-token Logging__Console__FormatterName=json ;;
    json-info) flood json-info random-token Logging__Console__FormatterName=json Logging__LogLevel__Surgewatch.Server.Requests=Information ;;
    *) echo "unknown flood $f (anonymous, random-token, json-warning, json-info)" >&2; exit 2 ;;
  esac
done
