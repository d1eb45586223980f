#!/usr/bin/env bash
# Installs the system packages that Surgewatch's tests and benchmarks need (Debian, as root or with sudo).
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# XGBoost's C library, loaded by Surgewatch.Forecasting.XGBoost (model gbm) as libxgboost.so.0.
dpkg -s libxgboost0 >/dev/null 2>&1 || need+=(libxgboost0)

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
