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
    on(state.zones.features.length ? 'status' : 'sensors', followWorst);
  }
}

const rowSelector = '[data-testid="zone-row"], [data-testid="sensor-row"]';
const unjudged = (row) => ['no-data', 'neutral'].includes(row?.dataset.level);
let autoSelected = null; // the subject the page picked by itself; the operator's own pick ends the following
let following = true;

/**
 * Opens the panel on the worst subject of the list, and follows the top of the list until it is judged (a counter
 * once a model deploys, a zone once it has a status): a page opened at the start of a replay would otherwise stay on
 * the first name of a list in which nothing was judged yet. The operator's own pick ends the following.
 */
function followWorst() {
  if (!following) return;
  if (state.selected && state.selected !== autoSelected) {
    following = false;
    return;
  }
  const top = byId('zone-list').querySelector(rowSelector);
  if (!top) return;
  if (!top.classList.contains('selected') && (!state.selected || !unjudged(top))) {
    top.click();
    autoSelected = state.selected;
  }
  if (!unjudged(top)) following = false;
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
