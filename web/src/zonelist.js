// The zone list: every zone with its level, persons, density and forecast, worst first; a click selects it.
import { byId, el, formatNumber } from './dom.js';
import { levelRank, normaliseLevel } from './levels.js';
import { featureId, on, selectZone, state } from './state.js';
import { isStale } from './stale.js';

export function createZoneList() {
  on('zones', render);
  on('status', render);
  on('select', render);
  on('clock', render);
}

function render() {
  const list = byId('zone-list');
  const zones = (state.zones?.features ?? []).map((f) => ({ id: featureId(f), name: f.properties?.name ?? featureId(f), status: state.status.get(featureId(f)) }));
  zones.sort((a, b) => levelRank(b.status?.level) - levelRank(a.status?.level) || a.name.localeCompare(b.name));
  byId('zone-count').textContent = String(zones.length);
  list.replaceChildren(...zones.map(row));
}

function row({ id, name, status }) {
  const level = normaliseLevel(status?.level);
  const forecast = normaliseLevel(status?.forecastLevel);
  const stale = isStale(status);
  return el('li', {
    class: `zone-row ${state.selectedZone === id ? 'selected' : ''}`,
    'data-testid': 'zone-row', 'data-zone-id': id, 'data-level': level, 'data-stale': stale ? 'true' : 'false',
    tabindex: 0, onclick: () => selectZone(id), onkeydown: (e) => e.key === 'Enter' && selectZone(id),
  },
  el('i', { class: `sw ${level}`, title: `now: ${level}` }),
  el('span', { class: 'name' }, name),
  el('span', { class: 'num', title: 'persons' }, formatNumber(status?.persons)),
  el('span', { class: 'num', title: 'persons per m²' }, formatNumber(status?.density, 2)),
  el('i', { class: `sw ring ${forecast}`, title: `forecast (60 min): ${forecast}` }),
  stale ? el('span', { class: 'tag stale', title: 'no recent data from this zone\'s sensors' }, 'stale') : null,
  status?.fallback ? el('span', { class: 'tag', title: 'estimated by a fallback source' }, 'fallback') : null);
}
