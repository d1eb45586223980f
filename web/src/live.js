// Live updates through the SignalR hub /hubs/live, with polling as the fallback while the hub is unreachable.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { currentKey, get } from './api.js';
import { emit, setAlert, setAlerts, setClock, setStatuses, state } from './state.js';

const pollMs = 15_000;

function setConnection(connection) {
  state.connection = connection;
  emit('connection', connection);
}

/** Loads everything once over HTTP; used at start, after a reconnect and while the hub is down. */
export async function refresh() {
  const [status, alerts, clock] = await Promise.allSettled([get('/zones/status'), get('/alerts?active=true'), get('/clock')]);
  if (status.status === 'fulfilled') setStatuses(status.value);
  if (alerts.status === 'fulfilled') setAlerts(alerts.value);
  if (clock.status === 'fulfilled') setClock(clock.value);
  const failed = [status, alerts, clock].filter((r) => r.status === 'rejected');
  if (failed.length === 3) throw failed[0].reason;
  if (failed.length > 0) emit('partial', failed.map((r) => r.reason?.message ?? String(r.reason)));
}

/** Starts the hub connection; retries forever with back-off, polling meanwhile. */
export function startLive() {
  const hub = new HubConnectionBuilder()
    // The key goes as the access_token parameter over WebSockets; the server never logs query strings.
    .withUrl('/hubs/live', { accessTokenFactory: () => currentKey() })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30_000, 1_000 * 2 ** ctx.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();

  hub.on('zoneStatus', (list) => setStatuses(Array.isArray(list) ? list : [list]));
  hub.on('alert', (alert) => setAlert(alert));
  hub.on('clock', (clock) => setClock(clock));
  hub.on('forecast', (message) => emit('forecast', message));
  hub.on('counters', (list) => emit('counters', list));
  hub.on('readings', (readings) => {
    state.lastUpdate = Date.now();
    emit('readings', readings);
  });
  hub.onreconnecting(() => setConnection('reconnecting'));
  hub.onreconnected(() => {
    setConnection('live');
    refresh().catch(() => {});
  });
  hub.onclose(() => {
    setConnection('offline');
    setTimeout(() => connect(hub), 5_000);
  });

  setInterval(() => {
    if (hub.state !== HubConnectionState.Connected) poll();
  }, pollMs);
  connect(hub);
  return hub;
}

async function connect(hub) {
  if (hub.state !== HubConnectionState.Disconnected) return;
  setConnection('connecting');
  try {
    await hub.start();
    setConnection('live');
  } catch {
    setConnection('offline');
    setTimeout(() => connect(hub), 5_000);
  }
}

async function poll() {
  try {
    await refresh();
    if (state.connection === 'offline') setConnection('polling');
  } catch {
    setConnection('offline');
  }
}
