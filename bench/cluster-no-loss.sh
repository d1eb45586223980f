#!/usr/bin/env bash
# No loss across kill -9 (issue 19 target: 0 acknowledged readings lost and 0 duplicate notifications across 10 runs).
# Per run: a throwaway PostgreSQL database (one server for all runs, bench/throwaway-postgres.sh) with 12 zones of one
# square metre, a throwaway redis-server, a webhook receiver that logs every delivery, and three `serve --cluster` nodes
# on loopback (zone rules fire at once: Surgewatch__ZonePendingFor=0). A load generator posts batches of 500 readings
# round robin to the nodes for LOAD seconds: 12 zone readings that keep every zone firing, and 488 readings of filler
# counters labelled with the batch's own second, so that each acknowledged batch (HTTP 2xx) can be found in the store.
# A third of the way in, the node holding the first zone is killed with SIGKILL; the generator goes on with the
# survivors. Then the store is checked for every reading of every acknowledged batch, and the receiver's log for a
# second "firing" notification of any alert (a new delivery id for an alert already told), and for repeats of one id.
# Usage: bench/cluster-no-loss.sh [RUNS] [LOAD_SECONDS]   (needs the built CLI, PostgreSQL's programs and redis-server)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}; load=${2:-45}
source bench/cluster-nodes.sh
python3 - > "$work/zones.geojson" <<'PY'
import json
features = []
for i in range(12):
    x = 144.9 + i * 0.002
    features.append({"type": "Feature", "properties": {"id": f"z{i:02d}", "name": f"Zone {i}", "areaM2": 1, "sources": [{"sensorId": f"zs{i}", "role": "occupancy"}]},
                     "geometry": {"type": "Polygon", "coordinates": [[[x, -37.8], [x + 0.001, -37.8], [x + 0.001, -37.799], [x, -37.799], [x, -37.8]]]}})
print(json.dumps({"type": "FeatureCollection", "features": features}))
PY

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); 3 nodes, $runs runs of $load s"
: > "$work/results"
for run in $(seq 1 "$runs"); do
  create_db "noloss$run"
  wport=$(free_port)
  python3 - "$wport" "$work/deliveries$run" <<'PY' & side_pids+=($!)
import http.server, json, sys
log = open(sys.argv[2], "a", buffering=1)
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        log.write(json.dumps({"id": self.headers.get("X-Surgewatch-Delivery"), "alert": body.get("alertKey"), "kind": body.get("kind")}) + "\n")
        self.send_response(200); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
PY
  start_cluster 3 "$run" Surgewatch__ZonePendingFor=00:00:00 \
    Surgewatch__Notifications__Webhook__Url="http://127.0.0.1:$wport/hook" Surgewatch__Notifications__Webhook__Secret=bench-webhook-secret-0123456789
  for _ in $(seq 1 90); do read -r active held _ <<< "$(summary "${urls[1]}")"; [ "$active" = 3 ] && [ "$held" = 12 ] && break; sleep 2; done
  [ "$active" = 3 ] && [ "$held" = 12 ] || { echo "run $run: the cluster did not settle ($active active, $held zones held)" >&2; exit 1; }
  # The load, and the kill of the first zone's holder a third of the way in (the generator goes on with the others).
  python3 - "$load" "$key" "$work/acked$run" "${urls[@]}" "${pids[@]}" <<'PY'
import json, os, signal, sys, threading, time, urllib.request
load, key, acked_path = float(sys.argv[1]), sys.argv[2], sys.argv[3]
urls, pids = sys.argv[4:7], [int(p) for p in sys.argv[7:10]]
dead = set(); acked = []; start = time.time(); base = int(start) - 3600; batch = 0; lock = threading.Lock()
def post(url, body):
    req = urllib.request.Request(url + "/api/v1/readings", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(req, timeout=10) as reply:
        return 200 <= reply.status < 300
def stamp(t): return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
def send(b, url):
    now = stamp(time.time())
    lines = [json.dumps({"sensorId": f"zs{i}", "timestamp": now, "value": 3}) for i in range(12)]
    lines += [json.dumps({"sensorId": f"f{j}", "timestamp": stamp(base - b), "value": b % 97 + j % 5}) for j in range(488)]
    try:
        if post(url, ("\n".join(lines) + "\n").encode()):
            with lock: acked.append(b)
    except Exception:
        pass
killed = False; threads = []
while time.time() - start < load:
    if not killed and time.time() - start > load / 3:
        holder = None
        for url in urls:
            try:
                nodes = json.load(urllib.request.urlopen(url + "/api/v1/cluster", timeout=5))["nodes"]
                holder = next(n["url"] for n in nodes if n["status"] == "active" and "z00" in n["zones"]); break
            except Exception: continue
        i = urls.index(holder) if holder in urls else 0
        os.kill(pids[i], signal.SIGKILL); dead.add(urls[i]); killed = True
        print(f"killed node {i + 1} ({urls[i]}), the holder of z00, at {time.time() - start:.1f} s", flush=True)
    live = [u for u in urls if u not in dead]
    t = threading.Thread(target=send, args=(batch, live[batch % len(live)])); t.start(); threads.append(t)
    batch += 1; time.sleep(0.25)
for t in threads: t.join()
open(acked_path, "w").write("\n".join(str(b) for b in sorted(acked)))
print(f"{batch} batches sent, {len(acked)} acknowledged", flush=True)
json.dump({"base": base}, open(acked_path + ".json", "w"))
PY
  sleep 20  # the survivors take the zones over and step them; any notification still due goes out
  base=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base"])' "$work/acked$run.json")
  psql_ -d "noloss$run" -At -c "SELECT r.label, count(*) FROM readings r JOIN sensors s ON s.key = r.sensor WHERE s.id LIKE 'f%' GROUP BY r.label" > "$work/stored$run"
  python3 - "$work/acked$run" "$work/stored$run" "$base" "$work/deliveries$run" "$run" >> "$work/results" <<'PY'
import json, sys
acked = [int(x) for x in open(sys.argv[1]).read().split()]
stored = dict(tuple(map(int, line.split("|"))) for line in open(sys.argv[2]) if line.strip())
base = int(sys.argv[3])
lost = sum(488 - stored.get(base - b, 0) for b in acked)
deliveries = [json.loads(l) for l in open(sys.argv[4]) if l.strip()]
firing = {}
for d in deliveries:
    if d["kind"] == "firing": firing.setdefault(d["alert"], set()).add(d["id"])
second = sum(len(ids) - 1 for ids in firing.values())
ids = [d["id"] for d in deliveries]; repeats = len(ids) - len(set(ids))
print(f"run {sys.argv[5]}: {len(acked)} batches ({len(acked) * 488} filler readings) acknowledged, lost {lost}; "
      f"{len(deliveries)} deliveries, {len(firing)} alerts told firing, second firing notifications {second}, repeated ids {repeats}")
PY
  tail -n 1 "$work/results"
  stop_all
done
python3 - "$work/results" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
lost = sum(int(re.search(r"lost (\d+)", l).group(1)) for l in lines)
second = sum(int(re.search(r"second firing notifications (\d+)", l).group(1)) for l in lines)
repeats = sum(int(re.search(r"repeated ids (\d+)", l).group(1)) for l in lines)
readings = sum(int(re.search(r"\((\d+) filler", l).group(1)) for l in lines)
print(f"{len(lines)} runs: {readings} acknowledged readings, {lost} lost; {second} second firing notifications; {repeats} repeated delivery ids")
PY
