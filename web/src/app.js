// The Surgewatch dashboard: wires the panels to the API and the live hub.
import { get, hasKey, setKey } from './api.js';
import { createBriefing } from './briefing.js';
import { createClock } from './clock.js';
import { byId } from './dom.js';
import { createInbox } from './alerts.js';
import { refresh, startLive } from './live.js';
import { createMap } from './map.js';
import { notify } from './notify.js';
import { emit, on, state } from './state.js';
import { createZoneList } from './zonelist.js';
import { createZonePanel } from './zonepanel.js';
import { createConnectionView } from './connection.js';
import { createClusterView } from './cluster.js';
import { startSensors } from './sensors.js';

async function start() {
  createConnectionView();
  createClusterView();
  createZoneList();
  createInbox();
  createZonePanel();
  createBriefing();
  createClock();
  createMap();
  wireKeyForm();

  await loadSession();
  await loadZones();
  startSensors().catch((error) => console.warn('No sensors', error));
  try {
    await refresh();
  } catch (error) {
    notify(`Could not load the zone status: ${error.message}`, true);
  }
  startLive();
  document.body.dataset.ready = 'true';
}

async function loadSession() {
  try {
    state.session = await get('/session');
  } catch {
    state.session = { mode: 'live' };
  }
  // Only a demo server hands out an operator key, so that acknowledging and silencing work in the sandbox.
  if (state.session.operatorKey) setKey(state.session.operatorKey, false);
  byId('mode').textContent = state.session.mode ?? 'live';
  byId('mode').dataset.mode = state.session.mode ?? 'live';
  showKeyState();
}

async function loadZones() {
  try {
    state.zones = await get('/zones');
  } catch (error) {
    state.zones = { type: 'FeatureCollection', features: [] };
    notify(`Could not load the zones: ${error.message}`, true);
  }
  emit('zones');
  if (!state.selected) {
    // Open on the zone in the worst state once statuses arrive (without zones, the worst sensor once they are loaded).
    on(state.zones.features.length ? 'status' : 'sensors', selectWorstOnce);
  }
}

let selectedOnce = false;
function selectWorstOnce() {
  if (selectedOnce || state.selected) return;
  const worst = byId('zone-list').querySelector('[data-testid="zone-row"], [data-testid="sensor-row"]');
  if (!worst) return;
  selectedOnce = true;
  worst.click();
}

function wireKeyForm() {
  byId('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setKey(byId('key-input').value, true);
    byId('key-input').value = '';
    showKeyState();
    notify(hasKey() ? 'Operator key set for this tab.' : 'Operator key cleared.');
  });
  byId('operator').addEventListener('click', () => {
    if (state.session.operatorKey) return;
    setKey('', true);
    showKeyState();
  });
}

function showKeyState() {
  const demoKey = Boolean(state.session.operatorKey);
  byId('key-form').hidden = hasKey();
  byId('operator').hidden = !hasKey();
  byId('operator').textContent = demoKey ? 'demo operator' : 'operator key set (click to clear)';
}

start().catch((error) => notify(`The dashboard failed to start: ${error.message}`, true));
