// The clock display and, in demo and replay mode, pause and speed (POST /api/v1/clock with the operator key).
import { ApiError, post } from './api.js';
import { byId } from './dom.js';
import { notify } from './notify.js';
import { on, setClock, state } from './state.js';
import { displayLabel } from './time.js';

export function createClock() {
  on('clock', render);
  byId('clock-pause').addEventListener('click', () => change({ paused: !state.clock?.paused }));
  byId('clock-speed').addEventListener('change', (event) => change({ speed: Number(event.target.value) }));
}

function render() {
  const clock = state.clock;
  if (!clock) return;
  byId('clock-now').textContent = displayLabel(clock.now);
  byId('clock-now').dataset.now = clock.now ?? '';
  const simulated = clock.mode === 'demo' || clock.mode === 'replay';
  byId('clock-state').textContent = simulated ? `${clock.mode} ${clock.speed}×${clock.paused ? ' · paused' : ''}` : 'site time';
  byId('replay-controls').hidden = !simulated;
  byId('clock-pause').textContent = clock.paused ? 'Resume' : 'Pause';
  const select = byId('clock-speed');
  if (![...select.options].some((o) => Number(o.value) === clock.speed)) {
    select.append(new Option(`${clock.speed}×`, String(clock.speed)));
  }
  select.value = String(clock.speed);
}

async function change(body) {
  try {
    setClock(await post('/clock', body));
  } catch (error) {
    const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
    notify(refused ? 'Changing the clock needs an operator key.' : `Clock change failed: ${error.message}`, true);
  }
}
