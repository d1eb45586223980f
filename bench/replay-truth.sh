#!/usr/bin/env bash
# Issue 17's replay targets, on `serve --replay ../shared/data/pedestrians/melbourne --site-zone Australia/Melbourne`
# over a fresh store at SPEED (default 600) for at most LIMIT wall seconds (default 240). A zone over counter 4 alone
# (one line-total source, WIDTH metres wide, default 5) is posted as soon as the server answers. Every second it reads:
#   - the time from start until GET /api/v1/forecasts?sensor=4 serves a forecast that names a model (target <= 60 s);
#   - look-ahead: counters 1-5's stored readings of the last 6 hours, then the clock: a reading whose interval
#     (label + 1 h) ends after the clock is a look-ahead (target: none);
#   - flow: the zone's flow against its counter's latest count / WIDTH / 60 (target: within 1 %), on samples where the
#     counter's latest reading is the same before and after the status was read. Samples whose expected flow is under
#     0.5 persons/m/min are not scored: the status rounds flow to 0.01, more than 1 % of such a value.
# Usage: bench/replay-truth.sh [SPEED] [LIMIT] [WIDTH]
set -euo pipefail
cd "$(dirname "$0")/.."
speed="${1:-600}"; limit="${2:-240}"; width="${3:-5}"
mel=../shared/data/pedestrians/melbourne
dotnet build -c Release src/Surgewatch.Cli --nologo -v quiet >/dev/null
dir=$(mktemp -d); port=5498; base="http://127.0.0.1:$port"
key="$(head -c 32 /dev/urandom | base64 | tr -d /+=)"
start=$(date +%s.%N)
SURGEWATCH_BOOTSTRAP_KEY="$key" dotnet src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll serve --db "$dir/store.db" \
  --urls "$base" --replay "$mel" --speed "$speed" --site-zone Australia/Melbourne > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
auth=(-H "Authorization: Bearer $key")
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$(date +%s.%N)" "$start"; }

until curl -sf "$base/healthz" >/dev/null 2>&1; do
  sleep 0.5
  [ "$(python3 -c "print(int(float('$(elapsed)')))")" -lt "$limit" ] || { echo "the server did not answer within $limit s"; tail -5 "$dir/serve.log"; exit 1; }
done
zone=$(cat <<JSON
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.9660,-37.8150],[144.9662,-37.8150],[144.9662,-37.8148],[144.9660,-37.8148],[144.9660,-37.8150]]]},
 "properties":{"id":"town-hall-west","name":"Town Hall (West)","areaM2":400,"widthM":$width,"sources":[{"sensorId":"4","role":"line-total","factor":1}]}}
JSON
)
curl -sf "${auth[@]}" -H "Content-Type: application/json" -d "$zone" "$base/api/v1/zones" >/dev/null
echo "server answered and the zone was posted after $(elapsed) s"

# One Python process does the sampling: it reads the API with urllib, so every check is one short request.
python3 - "$base" "$key" "$limit" "$start" "$width" <<'PY'
import json, sys, time, urllib.request, urllib.error
from datetime import datetime, timedelta
base, key, limit, start, width = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError:
        return None
def label(t):  # the site-local wall clock of an ISO time with offset
    return datetime.fromisoformat(t[:19])
first_forecast = None; checks = 0; ahead = []; flows = []; skipped = 0; unstable = 0; offsetless = 0
while time.time() - start < limit:
    time.sleep(1)
    t = time.time() - start
    clock = get("/api/v1/clock")
    if not clock or not clock["now"].startswith(("2009", "201")):
        continue  # still storing the history
    if first_forecast is None:
        f = get("/api/v1/forecasts?sensor=4")
        if f and f.get("model") and f.get("points"):
            first_forecast = (t, f["model"], f["issuedAt"])
    frm = (label(clock["now"]) - timedelta(hours=6)).isoformat()
    for sensor in "12345":
        r = get(f"/api/v1/readings?sensor={sensor}&from={frm}")
        now = get("/api/v1/clock")["now"]
        for p in (r or {}).get("readings", []):
            checks += 1
            offsetless += 0 if p["timestamp"][19:] else 1
            if label(p["timestamp"]) + timedelta(hours=1) > label(now):
                ahead.append((sensor, p["timestamp"], now))
    before = get(f"/api/v1/readings?sensor=4&from={frm}")
    status = next((z for z in (get("/api/v1/zones/status") or []) if z["zoneId"] == "town-hall-west"), None)
    after = get(f"/api/v1/readings?sensor=4&from={frm}")
    if not status or not before or not before["readings"] or before != after or status.get("flow") is None:
        unstable += 1
        continue
    count = before["readings"][-1]["value"]
    expected = count / width / 60
    if expected < 0.5:
        skipped += 1
        continue
    flows.append((status["flow"], expected, abs(status["flow"] - expected) / expected, count))
print(f"first sensor forecast (GET /api/v1/forecasts?sensor=4): "
      + (f"{first_forecast[0]:.1f} s, model {first_forecast[1]}, issued {first_forecast[2]} (target <= 60 s)" if first_forecast else f"none within {limit:.0f} s"))
print(f"look-ahead: {len(ahead)} of {checks} stored readings of counters 1-5 had an interval ending after the clock (target 0); "
      f"{offsetless} times without an offset")
for a in ahead[:5]:
    print("  ahead:", a)
if flows:
    worst = max(flows, key=lambda x: x[2])
    print(f"flow on counter 4 (zone {width:g} m wide): {len(flows)} samples, worst relative error {worst[2] * 100:.2f} % "
          f"(flow {worst[0]} vs count {worst[3]:.0f} / {width:g} / 60 = {worst[1]:.4f}); "
          f"{sum(1 for f in flows if f[2] <= 0.01)} within 1 % (target: all); {skipped} samples under 0.5 not scored, {unstable} unstable")
else:
    print(f"flow on counter 4: no scored sample ({skipped} under 0.5, {unstable} unstable)")
PY
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); speed $speed; commit $(git rev-parse --short HEAD)"
grep -E "Replaying|Deployed model|Trained" "$dir/serve.log" | sed 's/^ *//' | head -5 || true
