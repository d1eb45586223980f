import { setSiteTime } from './time.js';

// The dashboard's state: what the server last said, and who listens for changes.
const listeners = new Map();

export const state = {
  session: { mode: 'live' },
  zones: null, // GeoJSON FeatureCollection from /zones
  status: new Map(), // zoneId -> zone status
  alerts: new Map(), // key -> alert
  clock: null,
  selectedZone: null, // the selected zone's id, or null when nothing or a counter is selected
  selected: null, // { kind: 'zone' | 'counter', id } — what the detail panel shows
  sensors: null, // GeoJSON FeatureCollection of the sensors with a position, with their latest reading and level (sensors.js)
  lastUpdate: 0, // browser ms of the last live message or poll
  connection: 'connecting',
};

/** Calls listener(detail) each time topic is emitted. */
export function on(topic, listener) {
  if (!listeners.has(topic)) listeners.set(topic, []);
  listeners.get(topic).push(listener);
}

export function emit(topic, detail) {
  for (const listener of listeners.get(topic) ?? []) {
    try {
      listener(detail);
    } catch (error) {
      console.error(`A ${topic} listener failed`, error);
    }
  }
}

export function zoneName(zoneId) {
  const feature = state.zones?.features.find((f) => featureId(f) === zoneId);
  // An alert's subject may be a sensor (a counter's surge, a road's congestion): its name from the map's sensors.
  const sensor = feature ? null : state.sensors?.features.find((f) => f.properties?.id === zoneId);
  return feature?.properties?.name ?? sensor?.properties?.name ?? zoneId;
}

export function featureId(feature) {
  return feature.properties?.id ?? feature.id;
}

export function setStatuses(list) {
  for (const status of list) state.status.set(status.zoneId, status);
  state.lastUpdate = Date.now();
  emit('status');
}

/** Whether `alert` is older than the view of it already held: a live update computed before an acknowledgement that arrived first. */
function isOlder(alert) {
  const held = state.alerts.get(alert.key);
  return Number.isFinite(held?.revision) && Number.isFinite(alert.revision) && alert.revision < held.revision;
}

export function setAlert(alert) {
  state.lastUpdate = Date.now();
  if (isOlder(alert)) return;
  state.alerts.set(alert.key, alert);
  emit('alerts');
}

/** The full list (it drops alerts no longer listed); an alert already held in a newer view keeps it. */
export function setAlerts(list) {
  state.alerts = new Map(list.map((a) => [a.key, isOlder(a) ? state.alerts.get(a.key) : a]));
  emit('alerts');
}

export function setClock(clock) {
  state.clock = clock;
  setSiteTime(clock);
  state.lastUpdate = Date.now();
  emit('clock');
}

/** Selects what the detail panel shows: a zone, or a counter (a sensor, by its id). */
export function selectSubject(kind, id) {
  state.selected = id ? { kind, id } : null;
  state.selectedZone = kind === 'zone' ? id : null;
  emit('select', state.selected);
}

export function selectZone(zoneId) {
  selectSubject('zone', zoneId);
}

/** An alert's subject: a counter's surge alert and a road's congestion alert name their sensor, every other alert its zone. */
export function selectAlertSubject(alert) {
  selectSubject(alert.subjectKind === 'counter' || alert.subjectKind === 'road' ? 'counter' : 'zone', alert.zoneId);
}
