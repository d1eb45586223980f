// The zone panel: the selected zone's facts and a chart of observed density, forecast mean, 80% and 95% bands
// and the zone's density levels (from GET /api/v1/zones/{id}/series).
import uPlot from 'uplot';
import { get } from './api.js';
import { byId, el, formatNumber } from './dom.js';
import { levelColour, normaliseLevel } from './levels.js';
import { featureId, on, state, zoneName } from './state.js';
import { isStale } from './stale.js';
import { labelSeconds, secondsLabel } from './time.js';

const historySeconds = 24 * 3600;
const aheadSeconds = 12 * 3600;
const refreshMs = 10_000;
let chart = null;
let lastLoad = 0;
let loading = false;

export function createZonePanel() {
  on('select', () => load(true));
  on('status', () => { renderFacts(); load(false); });
  on('forecast', (message) => { if (message?.zoneId === state.selectedZone) load(true); });
  new ResizeObserver(resize).observe(byId('zone-chart'));
}

function renderFacts() {
  const id = state.selectedZone;
  if (!id) return;
  const feature = state.zones?.features.find((f) => featureId(f) === id);
  const props = feature?.properties ?? {};
  const status = state.status.get(id);
  const level = normaliseLevel(status?.level);
  const forecast = normaliseLevel(status?.forecastLevel);
  byId('zone-title').textContent = zoneName(id);
  const fact = (label, value, testid) => el('div', { class: 'fact', 'data-testid': testid }, el('span', { class: 'muted' }, label), el('b', {}, value));
  byId('zone-facts').replaceChildren(
    fact('now', level, 'zone-level'),
    fact('next 60 min', forecast, 'zone-forecast-level'),
    fact('persons', formatNumber(status?.persons), 'zone-persons'),
    fact('density /m²', formatNumber(status?.density, 2), 'zone-density'),
    fact('flow /m/min', formatNumber(status?.flow, 1), 'zone-flow'),
    fact('confidence', status ? `${formatNumber((status.confidence ?? 0) * 100)}%` : '–', 'zone-confidence'),
    fact('capacity', formatNumber(props.capacity), 'zone-capacity'),
    fact('data', isStale(status) ? 'stale' : 'fresh', 'zone-freshness'));
  byId('zone-facts').dataset.level = level;
}

async function load(force) {
  const id = state.selectedZone;
  if (!id || loading || (!force && Date.now() - lastLoad < refreshMs)) return;
  const now = labelSeconds(state.clock?.now ?? state.status.get(id)?.at);
  loading = true;
  try {
    const range = Number.isFinite(now) ? `?from=${secondsLabel(now - historySeconds)}&to=${secondsLabel(now + aheadSeconds)}` : '';
    const series = await get(`/zones/${encodeURIComponent(id)}/series${range}`);
    if (state.selectedZone === id) draw(series, now);
    renderFacts();
  } catch (error) {
    byId('zone-chart').replaceChildren(el('p', { class: 'muted' }, `No chart: ${error.message}`));
    chart = null;
  } finally {
    lastLoad = Date.now();
    loading = false;
  }
}

/** Puts observed and forecast points on one time axis (uPlot needs aligned columns; gaps are null). */
export function alignSeries(series) {
  const rows = new Map();
  const at = (t) => {
    const x = labelSeconds(t);
    if (!rows.has(x)) rows.set(x, { x, observed: null, mean: null, lo80: null, hi80: null, lo95: null, hi95: null });
    return rows.get(x);
  };
  for (const p of series.observed ?? []) at(p.t).observed = p.density ?? null;
  for (const p of series.forecast ?? []) Object.assign(at(p.t), { mean: p.mean, lo80: p.lo80, hi80: p.hi80, lo95: p.lo95, hi95: p.hi95 });
  const sorted = [...rows.values()].filter((r) => Number.isFinite(r.x)).sort((a, b) => a.x - b.x);
  const column = (name) => sorted.map((r) => (Number.isFinite(r[name]) ? r[name] : null));
  return [sorted.map((r) => r.x), column('observed'), column('mean'), column('lo80'), column('hi80'), column('lo95'), column('hi95')];
}

function draw(series, now) {
  const data = alignSeries(series);
  const box = byId('zone-chart');
  box.dataset.points = String(data[0].length);
  box.dataset.observed = String(series.observed?.length ?? 0);
  box.dataset.forecast = String(series.forecast?.length ?? 0);
  if (data[0].length === 0) {
    chart?.destroy();
    chart = null;
    box.replaceChildren(el('p', { class: 'muted' }, 'No readings or forecast for this zone yet.'));
    return;
  }
  const levelLines = [['densityWarning', 'warning'], ['densityAlarm', 'alarm'], ['densityCritical', 'critical']]
    .filter(([key]) => Number.isFinite(series.levels?.[key]));
  for (const [key] of levelLines) data.push(data[0].map(() => series.levels[key]));

  const opts = {
    width: box.clientWidth || 400,
    height: 140,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max ?? 0, 0.1) * 1.1] } },
    axes: [{ ...axis(), values: timeTicks }, { ...axis(), label: 'persons / m²', size: 50 }],
    series: [
      {},
      { label: 'observed', stroke: '#e5e7eb', width: 2, spanGaps: false },
      { label: 'forecast', stroke: '#60a5fa', width: 2, dash: [6, 4] },
      { label: '80%', stroke: 'transparent', points: { show: false } },
      { label: '', stroke: 'transparent', points: { show: false } },
      { label: '95%', stroke: 'transparent', points: { show: false } },
      { label: '', stroke: 'transparent', points: { show: false } },
      ...levelLines.map(([, level]) => ({ label: level, stroke: levelColour[level], width: 1, dash: [3, 3], points: { show: false } })),
    ],
    bands: [
      { series: [4, 3], fill: 'rgba(96, 165, 250, 0.35)' },
      { series: [6, 5], fill: 'rgba(96, 165, 250, 0.15)' },
    ],
    hooks: { draw: [(u) => drawNow(u, now)] },
  };
  chart?.destroy();
  // The legend goes first so the chart can take exactly the height that is left under it.
  box.replaceChildren(legend(levelLines.map(([, level]) => level)));
  chart = new uPlot(opts, data, box);
  resize();
}

function legend(levelNames) {
  const key = (cls, text, colour) => el('span', { class: 'key' }, el('i', { class: cls, style: colour ? `border-color:${colour}` : undefined }), text);
  return el('div', { class: 'chart-legend' },
    key('line observed', 'observed'), key('line forecast', 'forecast mean'), key('band b80', '80%'), key('band b95', '95%'),
    ...levelNames.map((level) => key('line level', level, levelColour[level])));
}

/** Tick labels as site wall-clock "HH:mm", with the date under midnight ("14 Mar"). */
function timeTicks(u, splits) {
  return splits.map((s) => {
    const d = new Date(s * 1000);
    const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return hhmm === '00:00' ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) : hhmm;
  });
}

function axis() {
  return { stroke: '#9ca3af', grid: { stroke: 'rgba(255,255,255,0.07)' }, ticks: { stroke: 'rgba(255,255,255,0.15)' } };
}

/** A vertical line at the current site time, between history and forecast. */
function drawNow(u, now) {
  if (!Number.isFinite(now)) return;
  const x = u.valToPos(now, 'x', true);
  const { ctx } = u;
  ctx.save();
  ctx.strokeStyle = 'rgba(255,255,255,0.5)';
  ctx.setLineDash([2, 4]);
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}

function resize() {
  const box = byId('zone-chart');
  const legendHeight = box.querySelector('.chart-legend')?.offsetHeight ?? 0;
  if (chart && box.clientWidth > 0) chart.setSize({ width: box.clientWidth, height: Math.max(120, box.clientHeight - legendHeight - 6) });
}
