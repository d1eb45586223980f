#!/usr/bin/env bash
# Installs the system packages that Surgewatch's tests and benchmarks need (Debian, as root or with sudo).
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# XGBoost's C library, loaded by Surgewatch.Forecasting.XGBoost (model gbm) as libxgboost.so.0.
dpkg -s libxgboost0 >/dev/null 2>&1 || need+=(libxgboost0)
# Debian's Chromium runs the dashboard's end-to-end tests (Playwright drives it; it never downloads a browser of its own).
[ -x /usr/bin/chromium ] || need+=(chromium)
# Node.js and npm bundle the dashboard (web/) into the server during `dotnet build`.
if ! command -v npm >/dev/null 2>&1; then
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  need+=(npm)
fi

# PostgreSQL 15 (Debian's postgresql): the PostgreSQL store's tests start a throwaway server of their own with
# initdb and pg_ctl (as the postgres user when run as root). Only the programs are needed; no service is used.
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)

# Redis 7 (Debian's redis-server) keeps the Orleans cluster's membership (serve --cluster redis://HOST:PORT): the
# real-process cluster test starts a throwaway redis-server of its own on a free port. Only the program is needed;
# no service is used.
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)

# OpenCV's native library (OpenCvSharp4.official.runtime.linux-x64, loaded by Surgewatch.Edge for `surgewatch edge`)
# links these; libgtk-3-0 brings the rest of what ldd lists (pango, cairo, atk, gdk-pixbuf, glib, X11).
for p in libgtk-3-0 libfreetype6 libharfbuzz0b libdrm2 libatomic1; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done

# afl-fuzz drives the bounded fuzzing of the input readers (eng/fuzz.sh, run by eng/test.sh).
command -v afl-fuzz >/dev/null 2>&1 || need+=(afl++)

if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet on PATH); see README.md." >&2
  exit 1
fi
