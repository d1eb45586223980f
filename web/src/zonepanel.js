// The detail panel of the selected subject, a zone or a counter: its facts and a chart of the observed values, the
// forecast mean, the 80% and 95% bands and its level lines (a zone's density levels from GET /zones/{id}/series, a
// counter's surge threshold from GET /sensors/{id}/series), over the last 24 hours or 7 days and 12 hours ahead.
import uPlot from 'uplot';
import { get } from './api.js';
import { byId, el, formatNumber } from './dom.js';
import { levelColour, normaliseLevel } from './levels.js';
import { featureId, on, state, zoneName } from './state.js';
import { isStale } from './stale.js';
import { episodesPlugin } from './episodes.js';
import { sensorName, sensorProps, sensorValueText } from './sensors.js';
import { displayLabel, labelSeconds, secondsLabel } from './time.js';

const views = [['day', '24 h', 24 * 3600], ['week', '7 days', 7 * 24 * 3600]];
const aheadSeconds = 12 * 3600;
const refreshMs = 10_000;
let historySeconds = views[0][2];
let chart = null;
let lastLoad = 0;
let loading = false;

export function createZonePanel() {
  on('select', () => { renderFacts(); load(true); });
  on('status', () => { if (kind() === 'zone') { renderFacts(); load(false); } });
  on('sensors', () => { if (kind() === 'counter') { renderFacts(); load(false); } });
  on('forecast', (message) => { if (kind() === 'zone' && message?.zoneId === state.selected.id) load(true); });
  on('counters', () => { if (kind() === 'counter') load(true); });
  createViewToggle();
  new ResizeObserver(resize).observe(byId('zone-chart'));
}

const kind = () => state.selected?.kind ?? null;

/** The 24 h / 7 days switch under the panel's title. */
function createViewToggle() {
  const buttons = views.map(([name, text, seconds]) => el('button', {
    type: 'button', 'data-view': name, 'data-testid': `panel-view-${name}`, 'aria-pressed': String(seconds === historySeconds),
    onclick: () => {
      historySeconds = seconds;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.view === name));
      load(true);
    },
  }, text));
  byId('zone-title').after(el('div', { class: 'panel-views', role: 'group', 'aria-label': 'history shown' }, ...buttons));
}

function renderFacts() {
  const subject = state.selected;
  if (!subject) return;
  const facts = subject.kind === 'counter' ? counterFacts(subject.id) : zoneFacts(subject.id);
  byId('zone-title').textContent = subject.kind === 'counter' ? sensorName(subject.id) : zoneName(subject.id);
  byId('zone-facts').replaceChildren(...facts.items.map(([label, value, testid]) =>
    el('div', { class: 'fact', 'data-testid': testid }, el('span', { class: 'muted' }, label), el('b', {}, value))));
  byId('zone-facts').dataset.level = facts.level;
  byId('zone-facts').dataset.kind = subject.kind;
}

function zoneFacts(id) {
  const feature = state.zones?.features.find((f) => featureId(f) === id);
  const status = state.status.get(id);
  const level = normaliseLevel(status?.level);
  return {
    level,
    items: [
      ['now', level, 'zone-level'],
      ['next 60 min', normaliseLevel(status?.forecastLevel), 'zone-forecast-level'],
      ['persons', formatNumber(status?.persons), 'zone-persons'],
      ['density /m²', formatNumber(status?.density, 2), 'zone-density'],
      ['flow /m/min', formatNumber(status?.flow, 1), 'zone-flow'],
      ['confidence', status ? `${formatNumber((status.confidence ?? 0) * 100)}%` : '–', 'zone-confidence'],
      ['capacity', formatNumber(feature?.properties?.capacity), 'zone-capacity'],
      ['data', isStale(status) ? 'stale' : 'fresh', 'zone-freshness'],
    ],
  };
}

function counterFacts(id) {
  const props = sensorProps(id) ?? { id, name: id };
  const level = props.level ?? 'neutral';
  if (props.kind === 'roadspeed') return roadFacts(props, level);
  return {
    level,
    items: [
      ['surge level', level === 'neutral' ? 'not judged' : level, 'counter-level'],
      ['surge chance', Number.isFinite(props.probability) ? `${formatNumber(props.probability * 100)}%` : '–', 'counter-probability'],
      ['latest', sensorValueText(props), 'counter-value'],
      ['at', props.at ? displayLabel(props.at) : '–', 'counter-at'],
      ['threshold', Number.isFinite(props.threshold) ? `${formatNumber(props.threshold)} ${props.unit}` : 'not set yet', 'counter-threshold'],
    ],
  };
}

/** A road's facts: its congestion level now and within the hour, the chance of congestion, its latest speed and congested speed. */
function roadFacts(props, level) {
  return {
    level,
    items: [
      ['congestion', level === 'neutral' ? 'not judged' : level, 'road-level'],
      ['next 60 min', props.forecastLevel ?? '–', 'road-forecast-level'],
      ['congestion chance', Number.isFinite(props.probability) ? `${formatNumber(props.probability * 100)}%` : '–', 'road-probability'],
      ['latest', sensorValueText(props), 'counter-value'],
      ['at', props.at ? displayLabel(props.at) : '–', 'counter-at'],
      ['congested below', Number.isFinite(props.threshold) ? `${formatNumber(props.threshold)} ${props.unit}` : 'not set yet', 'road-congested-speed'],
    ],
  };
}

async function load(force) {
  const subject = state.selected;
  if (!subject || loading || (!force && Date.now() - lastLoad < refreshMs)) return;
  const now = labelSeconds(state.clock?.now ?? state.status.get(subject.id)?.at);
  loading = true;
  try {
    const range = Number.isFinite(now) ? `?from=${secondsLabel(now - historySeconds)}&to=${secondsLabel(now + aheadSeconds)}` : '';
    const series = subject.kind === 'counter'
      ? counterSeries(await get(`/sensors/${encodeURIComponent(subject.id)}/series${range}`), subject.id)
      : zoneSeries(await get(`/zones/${encodeURIComponent(subject.id)}/series${range}`));
    if (state.selected === subject) draw(series, now, subject.kind);
    renderFacts();
  } catch (error) {
    byId('zone-chart').replaceChildren(el('p', { class: 'muted' }, `No chart: ${error.message}`));
    chart = null;
  } finally {
    lastLoad = Date.now();
    loading = false;
  }
}

/** A zone's series in the chart's shape: density, and the density levels as lines. */
function zoneSeries(series) {
  const lines = [['densityWarning', 'warning'], ['densityAlarm', 'alarm'], ['densityCritical', 'critical']]
    .filter(([key]) => Number.isFinite(series.levels?.[key]))
    .map(([key, level]) => ({ label: level, colour: levelColour[level], value: series.levels[key] }));
  const observed = (series.observed ?? []).map((p) => ({ t: p.t, value: p.density }));
  return { observed, forecast: series.forecast ?? [], lines, unit: 'persons / m²', empty: 'No readings or forecast for this zone yet.' };
}

/**
 * A sensor's series in the chart's shape: its readings, and as lines a counter's surge threshold or a road's free-flow
 * speed with the speeds below which it is slowing, congested and jammed.
 */
function counterSeries(series, id) {
  const road = series.road;
  const lines = road
    ? [['free flow', 'free', road.freeFlow], ['slowing', 'slowing', road.slowing], ['congested', 'congested', road.congested], ['jammed', 'jammed', road.jammed]]
      .map(([label, level, value]) => ({ label, colour: levelColour[level], value }))
    : Number.isFinite(series.threshold) ? [{ label: 'surge threshold', colour: levelColour.alarm, value: series.threshold }] : [];
  return {
    observed: series.observed ?? [], forecast: series.forecast ?? [], lines,
    unit: sensorProps(id)?.unit ?? '', empty: 'No readings or forecast for this sensor yet.',
  };
}

/** Puts observed and forecast points on one time axis (uPlot needs aligned columns; gaps are null). */
export function alignSeries(series) {
  const rows = new Map();
  const at = (t) => {
    const x = labelSeconds(t);
    if (!rows.has(x)) rows.set(x, { x, observed: null, mean: null, lo80: null, hi80: null, lo95: null, hi95: null });
    return rows.get(x);
  };
  for (const p of series.observed ?? []) at(p.t).observed = p.value ?? null;
  for (const p of series.forecast ?? []) Object.assign(at(p.t), { mean: p.mean, lo80: p.lo80, hi80: p.hi80, lo95: p.lo95, hi95: p.hi95 });
  const sorted = [...rows.values()].filter((r) => Number.isFinite(r.x)).sort((a, b) => a.x - b.x);
  const column = (name) => sorted.map((r) => (Number.isFinite(r[name]) ? r[name] : null));
  return [sorted.map((r) => r.x), column('observed'), column('mean'), column('lo80'), column('hi80'), column('lo95'), column('hi95')];
}

function draw(series, now, subjectKind) {
  const data = alignSeries(series);
  const box = byId('zone-chart');
  box.dataset.kind = subjectKind;
  box.dataset.points = String(data[0].length);
  box.dataset.observed = String(series.observed.length);
  box.dataset.forecast = String(series.forecast.length);
  box.dataset.bands = String(series.forecast.filter((p) => Number.isFinite(p.lo80) && Number.isFinite(p.hi80)).length);
  box.dataset.lines = series.lines.map((l) => l.label).join(',');
  if (data[0].length === 0) {
    chart?.destroy();
    chart = null;
    box.replaceChildren(el('p', { class: 'muted' }, series.empty));
    return;
  }
  for (const line of series.lines) data.push(data[0].map(() => line.value));

  const opts = {
    width: box.clientWidth || 400,
    height: 140,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max ?? 0, 0.1) * 1.1] } },
    axes: [{ ...axis(), values: timeTicks }, { ...axis(), label: series.unit, size: 56 }],
    series: [
      {},
      { label: 'observed', stroke: '#e5e7eb', width: 2, spanGaps: false },
      { label: 'forecast', stroke: '#60a5fa', width: 2, dash: [6, 4] },
      { label: '80%', stroke: 'transparent', points: { show: false } },
      { label: '', stroke: 'transparent', points: { show: false } },
      { label: '95%', stroke: 'transparent', points: { show: false } },
      { label: '', stroke: 'transparent', points: { show: false } },
      ...series.lines.map((line) => ({ label: line.label, stroke: line.colour, width: 1, dash: [3, 3], points: { show: false } })),
    ],
    bands: [
      { series: [4, 3], fill: 'rgba(96, 165, 250, 0.35)' },
      { series: [6, 5], fill: 'rgba(96, 165, 250, 0.15)' },
    ],
    hooks: { draw: [(u) => drawNow(u, now)] },
    // Alert episodes of the zone or counter, as shaded spans behind the lines.
    plugins: [episodesPlugin(() => state.selected)],
  };
  chart?.destroy();
  // The legend goes first so the chart can take exactly the height that is left under it.
  box.replaceChildren(legend(series.lines));
  chart = new uPlot(opts, data, box);
  resize();
}

function legend(lines) {
  const key = (cls, text, colour) => el('span', { class: 'key' }, el('i', { class: cls, style: colour ? `border-color:${colour}` : undefined }), text);
  return el('div', { class: 'chart-legend' },
    key('line observed', 'observed'), key('line forecast', 'forecast mean'), key('band b80', '80%'), key('band b95', '95%'),
    ...lines.map((line) => key('line level', line.label, line.colour)));
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
