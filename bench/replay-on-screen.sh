#!/usr/bin/env bash
# Issue 17's first replay target measured where the operator looks: on the dashboard, in headless Chromium (Debian's,
# with the end-to-end tests' flags: software WebGL). `serve --replay ../shared/data/pedestrians/melbourne --site-zone
# Australia/Melbourne` starts on a fresh store at SPEED (default 600); a browser opens the dashboard as soon as the
# server answers and reads the page every half second until LIMIT wall seconds (default 120). It reports, from the
# moment serve was started:
#   - the page ready (body[data-ready]);
#   - every sensor drawn in view on the map (the map's data-rendered-sensors equals the sensors in sensors.csv);
#   - the first sensor forecast on screen: the detail panel (which opens on the worst counter) charts a counter with
#     forecast points and bands (target <= 60 s).
# and keeps a screenshot of the page at the end (path printed). Playwright's Node package comes from the NuGet cache
# (Microsoft.Playwright, restored by building tests/Surgewatch.Dashboard.EndToEndTests).
# Usage: bench/replay-on-screen.sh [SPEED] [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
speed="${1:-600}"; limit="${2:-120}"
mel=../shared/data/pedestrians/melbourne
version=$(sed -n 's/.*Include="Microsoft.Playwright" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
playwright="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.playwright/$version/.playwright/package"
[ -d "$playwright" ] || { echo "No Playwright $version in the NuGet cache: dotnet build tests/Surgewatch.Dashboard.EndToEndTests first" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "No /usr/bin/chromium: bash eng/install-deps.sh" >&2; exit 1; }
dotnet build -c Release src/Surgewatch.Cli --nologo -v quiet >/dev/null
dir=$(mktemp -d); port=5499; base="http://127.0.0.1:$port"
sensors=$(($(wc -l < "$mel/sensors.csv") - 1))
shot="${TMPDIR:-/tmp}/replay-on-screen-$(date -u +%Y%m%dT%H%M%S).png"
start=$(date +%s.%N)
dotnet src/Surgewatch.Cli/bin/Release/net10.0/surgewatch.dll serve --db "$dir/store.db" \
  --urls "$base" --replay "$mel" --speed "$speed" --site-zone Australia/Melbourne > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT

cat > "$dir/probe.cjs" <<'JS'
const { chromium } = require(process.env.PLAYWRIGHT);
const [base, start, limit, sensors, shot] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5], process.argv[6]];
const since = () => Date.now() / 1000 - start;
const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
  '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  while (since() < limit) {
    try { await page.goto(base + '/', { timeout: 10_000 }); break; } catch { await page.waitForTimeout(500); }
  }
  const seen = {};
  let last = null;
  while (since() < limit && !(seen.ready && seen.sensors && seen.forecast)) {
    last = await page.evaluate(() => {
      const map = document.querySelector('[data-testid=map]')?.dataset ?? {};
      const chart = document.querySelector('[data-testid=zone-chart]')?.dataset ?? {};
      return { ready: document.body.dataset.ready === 'true', rendered: map.renderedSensors, kind: chart.kind,
        forecast: Number(chart.forecast ?? 0), bands: Number(chart.bands ?? 0), title: document.querySelector('#zone-title')?.textContent,
        clock: document.querySelector('[data-testid=clock]')?.textContent?.trim().split('\n')[0] };
    });
    const t = since();
    if (last.ready) seen.ready ??= t;
    if (last.rendered === sensors) seen.sensors ??= t;
    if (last.kind === 'counter' && last.forecast > 0 && last.bands > 0) seen.forecast ??= { t, title: last.title, clock: last.clock };
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: shot });
  const f = (t) => (t === undefined ? `not within ${limit} s` : `${t.toFixed(1)} s`);
  console.log(`page ready: ${f(seen.ready)}; all ${sensors} sensors drawn in view: ${f(seen.sensors)}`);
  console.log(`first sensor forecast on screen: ${seen.forecast ? `${f(seen.forecast.t)} (${seen.forecast.title}, replay clock ${seen.forecast.clock})` : f()} (target <= 60 s)`);
  console.log(`console errors: ${errors.length}${errors.length ? ' — ' + errors.slice(0, 3).map((e) => e.split('\n')[0]).join(' | ') : ''}; last reading ${JSON.stringify(last)}`);
  console.log(`screenshot: ${shot}`);
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
JS
PLAYWRIGHT="$playwright" node "$dir/probe.cjs" "$base" "$start" "$limit" "$sensors" "$shot"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); speed $speed; commit $(git rev-parse --short HEAD)"
grep -E "Replaying|Deployed model" "$dir/serve.log" | sed 's/^ *//' | head -3 || true
