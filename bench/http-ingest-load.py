#!/usr/bin/env python3
"""Loopback HTTP ingest rate: POSTs batches of 1,000 readings to a running `surgewatch serve`, one connection,
one request at a time, and prints readings/second. Standard library only.

Usage: bench/http-ingest-load.py KEY [--url http://127.0.0.1:5080] [--batches 300] [--format json|ndjson] [--day-offset 0]
Posting the same --day-offset twice measures the path where nothing is new (written 0).
"""
import argparse, datetime, http.client, json, time, urllib.parse

args = argparse.ArgumentParser()
args.add_argument("key")
args.add_argument("--url", default="http://127.0.0.1:5080")
args.add_argument("--batches", type=int, default=300)
args.add_argument("--format", choices=["json", "ndjson"], default="json")
args.add_argument("--day-offset", type=int, default=0)
a = args.parse_args()

SENSORS = 200
base = datetime.datetime(2020, 1, 1) + datetime.timedelta(days=a.day_offset)
bodies = []
for b in range(a.batches):
    rows = []
    for i in range(1000):
        n = b * 1000 + i
        t = base + datetime.timedelta(hours=n // SENSORS)
        rows.append({"sensorId": f"s{n % SENSORS}", "timestamp": t.strftime("%Y-%m-%dT%H:00:00"), "value": i})
    text = json.dumps(rows) if a.format == "json" else "".join(json.dumps(r) + "\n" for r in rows)
    bodies.append(text.encode())

url = urllib.parse.urlparse(a.url)
content_type = "application/json" if a.format == "json" else "application/x-ndjson"
connection = http.client.HTTPConnection(url.hostname, url.port or 80)
written = 0
started = time.perf_counter()
for body in bodies:
    connection.request("POST", "/api/v1/readings", body, {"Authorization": "Bearer " + a.key, "Content-Type": content_type})
    response = connection.getresponse()
    reply = json.loads(response.read())
    if response.status != 200:
        raise SystemExit(f"HTTP {response.status}: {reply}")
    written += reply["written"]
seconds = time.perf_counter() - started
print(f"{a.format}: {a.batches} batches x 1000 in {seconds:.2f} s = {a.batches * 1000 / seconds:,.0f} readings/s, written {written:,}")
