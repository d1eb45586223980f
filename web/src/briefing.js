// The briefing (GET /api/v1/briefing?date=): per zone and per counter the expected total, peak hour and
// hours at risk, for the day the operator picks (today or the days ahead on the site clock), riskiest first. For
// today, the hours already past are dropped from "hours at risk" (the server's hoursLeftAtRisk). Where a roads model
// is deployed, the day's expected jams by road follow (GET /api/v1/roads/jams?date=), earliest first.
import { get } from './api.js';
import { byId, el, formatNumber } from './dom.js';
import { levelRank, normaliseLevel } from './levels.js';
import { featureId, on, selectSubject, state } from './state.js';
import { labelSeconds, secondsLabel } from './time.js';

const daysAhead = ['today', 'tomorrow', 'in 2 days'];
const retryMs = 60_000;
let siteDate = null; // the site's date the picker was built for
let loadedKey = null; // the date loaded, with the site hour for today (whose hours at risk shrink as hours pass)
let failedAt = 0;

export function createBriefing() {
  byId('briefing-day').addEventListener('change', () => load(byId('briefing-day').value));
  on('clock', () => {
    const today = state.clock?.now?.slice(0, 10) ?? '';
    if (!today) return;
    if (today !== siteDate) buildPicker(today);
    const picked = byId('briefing-day').value;
    if (keyOf(picked) !== loadedKey && Date.now() - failedAt > retryMs) load(picked);
  });
}

function keyOf(date) {
  return date === siteDate ? `${date}@${state.clock?.now?.slice(11, 13) ?? ''}` : date;
}

/** Options for today and the days after it (site dates), keeping the pick by its offset from today. */
function buildPicker(today) {
  const select = byId('briefing-day');
  // Dates are labels without a time, which labelSeconds does not read: each is read at its midnight. A page that
  // read them as they are got NaN here, and the picker threw on the first change of the site's date.
  const midnight = (date) => labelSeconds(`${date}T00:00:00`);
  const picked = siteDate ? Math.round((midnight(select.value) - midnight(siteDate)) / 86400) : NaN;
  const offset = Number.isFinite(picked) ? picked : 1;
  siteDate = today;
  const base = midnight(today);
  select.replaceChildren(...daysAhead.map((name, i) => {
    const date = secondsLabel(base + i * 86400).slice(0, 10);
    return el('option', { value: date }, `${name} · ${date}`);
  }));
  select.value = secondsLabel(base + Math.min(Math.max(offset, 0), daysAhead.length - 1) * 86400).slice(0, 10);
}

async function load(date) {
  if (!date) return;
  loadedKey = keyOf(date);
  const body = byId('briefing-body');
  try {
    const [briefing, jams] = await Promise.all([
      get(`/briefing?date=${encodeURIComponent(date)}`),
      get(`/roads/jams?date=${encodeURIComponent(date)}`).then((jams) => (jams.model ? jams : null)).catch(() => null), // no roads model: no road section
    ]);
    failedAt = 0;
    if (byId('briefing-day').value === date) render(briefing, jams);
  } catch (error) {
    loadedKey = null;
    failedAt = Date.now();
    body.replaceChildren(el('p', { class: 'muted' }, `No briefing: ${error.message}`));
  }
}

// What "at risk" means, as the server computes it: it can hold while the expected peak is ok, as it weighs the upside.
const AT_RISK = 'A zone\'s hours whose 90 % upper forecast reaches its warning level; a counter\'s hours whose calibrated '
  + 'probability of a surge reaches the day-ahead level. Either can hold while the expected peak is ok.';

/** The hours at risk an operator can still act on: those left today, or the whole day ahead. */
function hoursAtRisk(row) {
  return row.hoursLeftAtRisk ?? row.hoursAtRisk ?? [];
}

/** Riskiest first: peak level, then hours at risk, then the peak density and persons. */
export function byRisk(a, b) {
  return levelRank(normaliseLevel(b.peakLevel)) - levelRank(normaliseLevel(a.peakLevel))
    || hoursAtRisk(b).length - hoursAtRisk(a).length
    || (b.peakDensity ?? -1) - (a.peakDensity ?? -1)
    || (b.peakPersons ?? -1) - (a.peakPersons ?? -1);
}

/** The row's kind as the server states it; from an older server, a zone when the map knows the id. */
function kindOf(row) {
  return row.kind ?? (state.zones?.features.some((f) => featureId(f) === row.zoneId) ? 'zone' : 'counter');
}

function render(briefing, jams) {
  const body = byId('briefing-body');
  body.dataset.date = briefing.date ?? '';
  byId('briefing-date').textContent = briefing.asOf ? `as of ${briefing.asOf}` : '';
  const rows = [...(briefing.zones ?? [])].sort(byRisk);
  const today = Boolean(briefing.asOf);
  const head = el('tr', {}, ...['', 'Total', 'Peak', 'Peak persons', 'Peak /m²', 'Level', today ? 'Hours at risk (left today)' : 'Hours at risk']
    .map((h) => el('th', h.startsWith('Hours at risk') ? { title: AT_RISK } : {}, h)));
  const list = rows.map((z) => {
    const level = normaliseLevel(z.peakLevel);
    const kind = kindOf(z);
    return el('tr', { 'data-testid': 'briefing-row', 'data-zone-id': z.zoneId, 'data-kind': kind, 'data-level': level, onclick: () => selectSubject(kind, z.zoneId) },
      el('td', {}, kind === 'counter' ? el('span', { class: 'tag' }, 'counter') : null, ' ', z.name ?? z.zoneId),
      el('td', { class: 'num' }, formatNumber(z.total)),
      el('td', {}, z.peakHour ?? '–'),
      el('td', { class: 'num' }, formatNumber(z.peakPersons)),
      el('td', { class: 'num' }, formatNumber(z.peakDensity, 2)),
      el('td', {}, el('span', { class: `sev ${level}` }, level)),
      el('td', { class: 'hours' }, hoursAtRisk(z).join(' ') || '–'));
  });
  const subjects = list.length
    ? el('table', {}, el('thead', {}, head), el('tbody', {}, ...list))
    : jams ? '' : el('p', { class: 'muted' }, 'Nothing to brief: no zones and no counters with readings.');
  body.replaceChildren(subjects, jams ? jamsSection(jams) : '');
}

/** The day's expected jams by road, earliest first: when, the lowest speed forecast and its level. */
function jamsSection(jams) {
  const rows = jams.jams.map((j) => {
    const level = j.level;
    return el('tr', { 'data-testid': 'jam-row', 'data-sensor-id': j.sensorId, 'data-level': level, onclick: () => selectSubject('counter', j.sensorId) },
      el('td', {}, el('span', { class: 'tag' }, 'road'), ' ', j.name ?? j.sensorId),
      el('td', {}, `${j.from.slice(11, 16)}–${j.to.slice(11, 16)}`),
      el('td', { class: 'num' }, formatNumber(j.lowestSpeed)),
      el('td', {}, el('span', { class: `sev ${level}` }, level)));
  });
  return el('div', { 'data-testid': 'briefing-jams' },
    el('h4', {}, `Expected jams (${jams.model})`),
    rows.length
      ? el('table', {}, el('thead', {}, el('tr', {}, ...['Road', 'When', `Lowest speed${jams.unit ? ` (${jams.unit})` : ''}`, 'Level'].map((h) => el('th', {}, h)))), el('tbody', {}, ...rows))
      : el('p', { class: 'muted' }, 'No jams expected on the roads.'));
}
