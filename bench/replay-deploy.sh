#!/usr/bin/env bash
# Issue 16's replay target: `serve --replay ../shared/data/pedestrians/melbourne --speed 3600` on a fresh store. Polls
# every 5 s and prints the wall seconds until /api/v1/models shows gbm deployed, until /api/v1/forecasts for a
# Melbourne sensor names gbm, and until /api/v1/alerts lists a counter-surge alert (limit: LIMIT seconds, default 900).
# Usage: bench/replay-deploy.sh [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-900}"
mel=../shared/data/pedestrians/melbourne
dotnet build -c Release src/Surgewatch.Cli --nologo -v quiet >/dev/null
dir=$(mktemp -d); port=5497; base="http://127.0.0.1:$port"
key="$(head -c 32 /dev/urandom | base64 | tr -d /+=)"
SURGEWATCH_BOOTSTRAP_KEY="$key" dotnet src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll serve --db "$dir/store.db" \
  --urls "$base" --replay "$mel" --speed 3600 --site-zone Australia/Melbourne > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
start=$(date +%s); deployed=""; named=""; alert=""
auth=(-H "Authorization: Bearer $key")
while [ $(( $(date +%s) - start )) -lt "$limit" ] && { [ -z "$deployed" ] || [ -z "$named" ] || [ -z "$alert" ]; }; do
  sleep 5; t=$(( $(date +%s) - start ))
  models=$(curl -sf "${auth[@]}" "$base/api/v1/models" || true)
  [ -z "$deployed" ] && python3 -c "import json,sys; d=json.loads(sys.argv[1] or '[]'); sys.exit(0 if any(m['name']=='gbm' and m['deployed'] for m in d) else 1)" "$models" 2>/dev/null && deployed=$t
  if [ -n "$deployed" ] && [ -z "$named" ]; then
    f=$(curl -sf "${auth[@]}" "$base/api/v1/forecasts?sensor=4" || true)
    python3 -c "import json,sys; sys.exit(0 if json.loads(sys.argv[1] or '{}').get('model')=='gbm' else 1)" "$f" 2>/dev/null && named=$t
  fi
  if [ -z "$alert" ]; then
    a=$(curl -sf "${auth[@]}" "$base/api/v1/alerts" || true)
    python3 -c "import json,sys; d=json.loads(sys.argv[1] or '[]'); d=d.get('alerts',d) if isinstance(d,dict) else d; sys.exit(0 if any(x.get('ruleId')=='counter-surge' for x in d) else 1)" "$a" 2>/dev/null && alert=$t
  fi
done
echo "gbm deployed after ${deployed:-no (limit ${limit} s)} s; forecasts name gbm after ${named:-no} s; first counter-surge alert after ${alert:-no} s"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
grep -E "Deployed model|Trained" "$dir/serve.log" | sed 's/^ *//' || true
