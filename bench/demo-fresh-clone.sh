#!/usr/bin/env bash
# Issue 5's demo targets and issue 16's "the demo trains on its own history": clones this repository afresh, runs the
# README's command (`dotnet run --project src/Surgewatch.Cli -c Release -- serve --demo`) and polls every second,
# printing the wall seconds from the command's start until /healthz answers, until the first alert is listed, until a
# model is deployed and until gbm is deployed (limit: LIMIT seconds, default 900). Package caches as they are.
# Usage: bench/demo-fresh-clone.sh [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-900}"
dir=$(mktemp -d); git clone -q . "$dir/repo"; ln -s "$(realpath ../shared)" "$dir/shared" 2>/dev/null || true
port=5581; base="http://127.0.0.1:$port"
cd "$dir/repo"
start=$(date +%s)
dotnet run --project src/Surgewatch.Cli -c Release -- serve --demo --urls "$base" > "$dir/serve.log" 2>&1 &
pid=$!
trap 'pkill -P $pid 2>/dev/null; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
health=""; alert=""; model=""; gbm=""
while [ $(( $(date +%s) - start )) -lt "$limit" ] && [ -z "$gbm" ]; do
  sleep 1; t=$(( $(date +%s) - start ))
  [ -z "$health" ] && curl -sf "$base/healthz" >/dev/null 2>&1 && health=$t
  [ -z "$health" ] && continue
  a=$(curl -sf "$base/api/v1/alerts?active=true" 2>/dev/null || true)
  [ -z "$alert" ] && python3 -c "import json,sys; sys.exit(0 if json.loads(sys.argv[1] or '[]') else 1)" "$a" 2>/dev/null && alert=$t
  m=$(curl -sf "$base/api/v1/models" 2>/dev/null || true)
  [ -z "$model" ] && python3 -c "import json,sys; sys.exit(0 if any(x['deployed'] for x in json.loads(sys.argv[1] or '[]')) else 1)" "$m" 2>/dev/null && model=$t
  [ -z "$gbm" ] && python3 -c "import json,sys; sys.exit(0 if any(x['deployed'] and x['name']=='gbm' for x in json.loads(sys.argv[1] or '[]')) else 1)" "$m" 2>/dev/null && gbm=$t
done
echo "healthz after ${health:-no} s; first alert after ${alert:-no} s; a model deployed after ${model:-no} s; gbm deployed after ${gbm:-no (limit $limit s)} s"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
grep -E "Trained|Deployed model" "$dir/serve.log" | sed 's/^ *//' || true
