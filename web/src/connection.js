// Shows whether the data is live: the hub's state, the time since the last update, and a page-wide stale marker.
import { byId } from './dom.js';
import { on, state } from './state.js';

const staleAfterMs = 60_000;
const text = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  polling: 'Polling (live link down)',
  offline: 'Offline',
};

export function createConnectionView() {
  on('connection', render);
  setInterval(render, 5_000);
  render();
}

function render() {
  const conn = byId('conn');
  const age = state.lastUpdate ? Date.now() - state.lastUpdate : Infinity;
  // Not connected: everything on screen may be out of date, and the page says so. Connected but quiet: only noted.
  const stale = state.connection !== 'live' && state.connection !== 'connecting';
  const quiet = state.connection === 'live' && state.lastUpdate > 0 && age > staleAfterMs;
  const since = state.lastUpdate ? ` · last update ${new Date(state.lastUpdate).toLocaleTimeString('en-GB')}` : '';
  conn.dataset.state = state.connection;
  conn.dataset.quiet = quiet ? 'true' : 'false';
  conn.textContent = `${text[state.connection] ?? state.connection}${stale || quiet ? since : ''}`;
  document.body.dataset.stale = stale ? 'true' : 'false';
  conn.title = stale ? 'Not connected: the data shown may be out of date.' : 'Receiving live updates.';
}
