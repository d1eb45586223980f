#!/usr/bin/env bash
# Refreshes the screenshots in docs/dashboard/ that docs/dashboard.md shows: runs the dashboard's Playwright flows
# (tests/Surgewatch.Dashboard.EndToEndTests, headless Debian Chromium) exactly as the tests do, and copies the
# screenshots they keep. Usage: bash eng/screenshots.sh   (needs what eng/test.sh needs: .NET 10, npm, chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT

dotnet build tests/Surgewatch.Dashboard.EndToEndTests -c Release -nologo -clp:ErrorsOnly
# A failing flow fails the script: the pictures must come from flows that pass (CI=true: a missing Chromium fails too).
SURGEWATCH_E2E_ARTIFACTS="$shots" CI=true \
  dotnet test tests/Surgewatch.Dashboard.EndToEndTests -c Release --no-build -nologo --logger "console;verbosity=minimal"

count=$(find "$shots" -maxdepth 1 -name '*.png' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "The flows kept no screenshot (is chromium installed? bash eng/install-deps.sh)." >&2
  exit 1
fi

mkdir -p docs/dashboard
rm -f docs/dashboard/*.png
cp "$shots"/*.png docs/dashboard/
echo "Copied $count screenshots to docs/dashboard/ ($(du -sh docs/dashboard | cut -f1)); docs/dashboard.md shows them."
