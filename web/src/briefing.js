// The day-ahead briefing (GET /api/v1/briefing): per zone the expected total, peak hour and hours at risk.
import { get } from './api.js';
import { byId, el, formatNumber } from './dom.js';
import { levelRank, normaliseLevel } from './levels.js';
import { on, selectZone, state } from './state.js';

let loadedFor = null;
let failedAt = 0;
const retryMs = 60_000;

export function createBriefing() {
  on('clock', () => {
    // The server picks the day ahead of its clock; the briefing is reloaded when the site date changes.
    const date = state.clock?.now?.slice(0, 10) ?? '';
    if (date !== loadedFor && Date.now() - failedAt > retryMs) load(date);
  });
}

async function load(date) {
  loadedFor = date;
  const body = byId('briefing-body');
  try {
    const briefing = await get('/briefing');
    failedAt = 0;
    render(briefing);
  } catch (error) {
    loadedFor = null;
    failedAt = Date.now();
    body.replaceChildren(el('p', { class: 'muted' }, `No briefing: ${error.message}`));
  }
}

function render(briefing) {
  byId('briefing-date').textContent = briefing.date ?? '';
  const zones = [...(briefing.zones ?? [])];
  zones.sort((a, b) => levelRank(b.peakLevel) - levelRank(a.peakLevel) || (b.peakDensity ?? 0) - (a.peakDensity ?? 0));
  const head = el('tr', {}, ...['Zone', 'Total', 'Peak', 'Peak persons', 'Peak /m²', 'Level', 'Hours at risk'].map((h) => el('th', {}, h)));
  const rows = zones.map((z) => {
    const level = normaliseLevel(z.peakLevel);
    return el('tr', { 'data-testid': 'briefing-row', 'data-zone-id': z.zoneId, 'data-level': level, onclick: () => selectZone(z.zoneId) },
      el('td', {}, z.name ?? z.zoneId),
      el('td', { class: 'num' }, formatNumber(z.total)),
      el('td', {}, z.peakHour ?? '–'),
      el('td', { class: 'num' }, formatNumber(z.peakPersons)),
      el('td', { class: 'num' }, formatNumber(z.peakDensity, 2)),
      el('td', {}, el('span', { class: `sev ${level}` }, level)),
      el('td', { class: 'hours' }, (z.hoursAtRisk ?? []).join(' ') || '–'));
  });
  byId('briefing-body').replaceChildren(rows.length
    ? el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))
    : el('p', { class: 'muted' }, 'No zones in the briefing.'));
}
