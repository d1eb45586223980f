// The zone list: every zone with its level, persons, density and forecast, worst first; a click selects it.
// A store without zones gets a short explanation instead, and its sensors listed worst first, so the page is never blank.
import { byId, el, formatNumber, patchChildren } from './dom.js';
import { levelRank, normaliseLevel } from './levels.js';
import { featureId, on, selectSubject, selectZone, state } from './state.js';
import { isStale } from './stale.js';
import { sensorCount, sensorsWorstFirst, sensorValueText } from './sensors.js';

export function createZoneList() {
  on('zones', render);
  on('status', render);
  on('select', render);
  on('clock', render);
  on('sensors', render);
}

function render() {
  const list = byId('zone-list');
  const zones = (state.zones?.features ?? []).map((f) => ({ id: featureId(f), name: f.properties?.name ?? featureId(f), status: state.status.get(featureId(f)) }));
  zones.sort((a, b) => levelRank(b.status?.level) - levelRank(a.status?.level) || a.name.localeCompare(b.name));
  byId('zone-count').textContent = String(zones.length);
  // Until /zones has answered, nothing is known: no explanation yet.
  const noZones = state.zones !== null && zones.length === 0;
  explanation(noZones);
  patchChildren(list, noZones ? sensorsWorstFirst().map(sensorRow) : zones.map(row));
}

/** Says why the list holds sensors, or why it is empty, and where zones are explained. */
function explanation(show) {
  let box = byId('no-zones');
  if (!show) {
    if (box) box.hidden = true;
    return;
  }
  if (!box) {
    box = el('div', { id: 'no-zones', class: 'no-zones', 'data-testid': 'no-zones' });
    byId('zone-list').before(box);
  }
  const sensors = sensorCount();
  const placed = state.sensors?.features.length ?? 0;
  const onMap = placed === sensors ? 'drawn on the map' : `${placed} with a position (sensors.csv) are drawn on the map`;
  const what = state.sensors === null ? 'No zones are defined; loading the sensors…'
    : sensors > 0 ? `No zones are defined, so the ${sensors} sensors are listed here (worst first) and ${onMap}.`
      : 'No zones and no sensors yet: ingest readings and sensors (see the README), then define zones.';
  box.replaceChildren(
    el('p', {}, what),
    el('p', { class: 'muted' },
      'A zone groups sensors into an area with density levels, for occupancy, zone levels and zone alerts. ',
      el('a', { href: '/docs/zones.md', target: '_blank', rel: 'noopener', 'data-testid': 'zones-docs-link' }, 'How to define zones'),
      ' (docs/zones.md: surgewatch zones import, or POST /api/v1/zones).'));
  box.hidden = false;
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

function sensorRow(props) {
  const select = () => selectSubject('counter', props.id);
  const selected = state.selected?.kind === 'counter' && state.selected.id === props.id;
  const probability = Number.isFinite(props.probability) ? `${Math.round(props.probability * 100)}%` : '';
  return el('li', {
    class: `zone-row sensor-row ${selected ? 'selected' : ''}`,
    'data-testid': 'sensor-row', 'data-sensor-id': props.id, 'data-level': props.level,
    tabindex: 0, onclick: select, onkeydown: (e) => e.key === 'Enter' && select(),
  },
  el('i', { class: `sw ${props.level}`, title: `${props.kind === 'roadspeed' ? 'congestion' : 'surge'} level: ${props.level === 'neutral' ? 'not judged' : props.level}` }),
  el('span', { class: 'name', title: props.name }, props.name),
  el('span', { class: 'num', title: props.kind === 'roadspeed' ? 'probability of congestion within the hour' : 'surge probability over the next hours' }, probability),
  el('span', { class: 'reading muted', title: 'latest reading' }, sensorValueText(props)));
}
