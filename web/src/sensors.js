// The sensors: names and positions from GET /sensors, latest reading and surge level from GET /sensors/status, kept
// live by the hub's readings and counters messages and a poll; emits 'sensors' when they change. state.sensors holds
// those with a position as a GeoJSON FeatureCollection for the map; the list and the panel read every sensor, placed
// or not, through sensorProps and sensorsWorstFirst (the features share the same properties objects).
import { get } from './api.js';
import { formatNumber } from './dom.js';
import { levelRank } from './levels.js';
import { emit, on, state } from './state.js';

const pollMs = 15_000;
let positionsKey = '';
let all = []; // every sensor's properties

/**
 * Loads the sensors and their status, then keeps the status current. The list itself is loaded again whenever the
 * status names a sensor it lacks: a page opened while a replay is still storing its history, or before the first
 * ingest, would otherwise keep an empty map and list although the sensors arrive a moment later.
 */
export async function startSensors() {
  on('readings', applyReadings);
  on('counters', () => loadStatus().catch(() => {}));
  setInterval(() => loadStatus().catch(() => {}), pollMs);
  try {
    await loadList();
  } catch (error) {
    // Known to be unknown: the list says there are none rather than waiting for them (the poll tries again).
    state.sensors = { type: 'FeatureCollection', features: [] };
    emit('sensors');
    throw error;
  }
  await loadStatus().catch((error) => console.warn('No sensor status', error));
  emit('sensors');
}

async function loadList() {
  const list = await get('/sensors');
  all = list.map((s) => ({ id: s.id, name: s.name || s.id, kind: kindKey(s.kind), unit: s.unit ?? '', level: 'neutral' }));
  const placed = list.flatMap((s, i) => (Number.isFinite(s.latitude) && Number.isFinite(s.longitude)
    ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] }, properties: all[i] }]
    : []));
  state.sensors = { type: 'FeatureCollection', features: placed };
}

async function loadStatus() {
  const statuses = await get('/sensors/status');
  const known = new Set(all.map((p) => p.id));
  if (statuses.some((s) => !known.has(s.sensorId))) await loadList();
  const byId = new Map(statuses.map((s) => [s.sensorId, s]));
  for (const props of all) {
    const status = byId.get(props.id);
    if (!status) continue;
    Object.assign(props, {
      value: status.value, at: status.at, probability: status.probability, threshold: status.threshold, warned: status.warned,
      level: displayLevel(props.kind, status.level),
    });
    // A road's congestion level forecast within the hour (its segment's dashed band and its panel show it).
    props.forecastLevel = status.forecastLevel ?? null;
  }
  emit('sensors');
}

function applyReadings(readings) {
  if (!Array.isArray(readings)) return;
  const latest = new Map(readings.map((r) => [r.sensorId, r]));
  if (readings.some((r) => !sensorProps(r.sensorId))) reloadSoon();
  let changed = false;
  for (const props of all) {
    const reading = latest.get(props.id);
    if (!reading || (props.at && reading.t < props.at)) continue;
    props.value = reading.value;
    props.at = reading.t;
    changed = true;
  }
  if (changed) emit('sensors');
}

let reloading = null;
/** A reading of a sensor the list lacks: the status (and with it the list) is loaded again, once at a time. */
function reloadSoon() {
  reloading ??= loadStatus().catch(() => {}).finally(() => { reloading = null; });
}

/** Whether the sensor positions changed since the last call (the map refits only then). */
export function sensorPositionsChanged() {
  const key = (state.sensors?.features ?? []).map((f) => `${f.properties.id}@${f.geometry.coordinates}`).join('|');
  if (key === positionsKey) return false;
  positionsKey = key;
  return true;
}

/** The properties of the sensor with an id (placed on the map or not), or undefined. */
export function sensorProps(id) {
  return all.find((p) => p.id === id);
}

export function sensorName(id) {
  return sensorProps(id)?.name ?? id;
}

/** How many sensors there are, placed on the map or not. */
export function sensorCount() {
  return all.length;
}

/** Every sensor worst first: by level, then by surge probability, then by name. */
export function sensorsWorstFirst() {
  return [...all].sort((a, b) => levelRank(b.level) - levelRank(a.level) || (b.probability ?? -1) - (a.probability ?? -1) || a.name.localeCompare(b.name));
}

/** "2,143 persons/h", or '–' without a reading. */
export function sensorValueText(props) {
  return Number.isFinite(props.value) ? `${formatNumber(props.value, props.kind === 'roadspeed' ? 1 : 0)} ${props.unit}` : '–';
}

/**
 * A surge level for counters and a congestion level for road speeds, as the deployed models judge them; road flows,
 * and sensors before a model is deployed, stay neutral.
 */
function displayLevel(kind, level) {
  return kind === 'roadflow' || !level ? 'neutral' : level;
}

// The API spells kinds in camelCase or kebab-case: compare them without either.
function kindKey(kind) {
  return String(kind ?? '').replaceAll('-', '').replaceAll('_', '').toLowerCase();
}
