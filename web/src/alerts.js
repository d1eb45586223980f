// The alert inbox: open alerts first, worst first; acknowledge and silence call the API with the operator key.
import { ApiError, get, hasKey, post } from './api.js';
import { byId, el, formatNumber } from './dom.js';
import { levelRank } from './levels.js';
import { on, selectAlertSubject, setAlert, setAlerts, state, zoneName } from './state.js';
import { displayDuration, displayLabel, instantOfLabel, labelSeconds, onSiteClock, secondsLabel } from './time.js';
import { notify } from './notify.js';

export function createInbox() {
  on('alerts', render);
  on('zones', render);
  on('clock', render);
  wireSilenceDialog();
}

function render() {
  const alerts = [...state.alerts.values()].filter((a) => a.state !== 'resolved');
  alerts.sort((a, b) => levelRank(b.severity) - levelRank(a.severity) || labelSeconds(a.since) - labelSeconds(b.since));
  const open = alerts.filter((a) => !a.acknowledged);
  const acknowledged = alerts.filter((a) => a.acknowledged);
  byId('alert-count').textContent = String(open.length);
  byId('alert-count').dataset.severity = open[0]?.severity ?? 'none';
  byId('alerts-open').replaceChildren(...(open.length ? open.map(item) : [el('li', { class: 'empty' }, 'No open alerts')]));
  byId('alerts-acknowledged').replaceChildren(...acknowledged.map(item));
}

function item(alert) {
  const since = labelSeconds(alert.since);
  const now = labelSeconds(state.clock?.now);
  const age = onSiteClock(alert.since) && Number.isFinite(now) && Number.isFinite(since) ? ` (${displayDuration(now - since)})` : '';
  return el('li', {
    class: `alert ${alert.severity} ${alert.acknowledged ? 'acknowledged' : ''}`,
    'data-testid': 'alert-item', 'data-key': alert.key, 'data-severity': alert.severity,
    'data-state': alert.state, 'data-acknowledged': alert.acknowledged ? 'true' : 'false',
  },
  el('div', { class: 'alert-head' },
    el('span', { class: `sev ${alert.severity}`, 'data-testid': 'alert-severity' }, alert.severity),
    el('button', { type: 'button', class: 'link', onclick: () => selectAlertSubject(alert), 'data-testid': 'alert-zone' }, zoneName(alert.zoneId)),
    el('span', { class: 'state', 'data-testid': 'alert-state' }, alert.acknowledged ? `${alert.state} · acknowledged` : alert.state),
    alert.silenced ? el('span', { class: 'tag' }, 'silenced') : null),
  el('div', { class: 'alert-meta' },
    `since ${displayLabel(alert.since)}${age}`,
    Number.isFinite(alert.value) ? ` · value ${formatNumber(alert.value, 2)}` : '',
    alert.ruleId ? ` · ${alert.ruleId}` : '',
    alert.acknowledged ? ` · ack by ${alert.acknowledgedBy ?? 'operator'}${alert.acknowledgedAt ? ` at ${displayLabel(alert.acknowledgedAt)}` : ''}` : ''),
  el('div', { class: 'alert-actions' },
    alert.acknowledged ? null : el('button', { type: 'button', 'data-testid': 'alert-ack', onclick: (e) => acknowledge(alert, e.target) }, 'Acknowledge'),
    el('button', { type: 'button', 'data-testid': 'alert-silence-1h', onclick: (e) => silenceFor(alert, 3600, e.target) }, 'Silence 1 h'),
    el('button', { type: 'button', 'data-testid': 'alert-silence-until', onclick: () => openSilenceDialog(alert) }, 'Silence until…')));
}

async function acknowledge(alert, button) {
  if (!requireKey()) return;
  button.disabled = true;
  try {
    const updated = await post(`/alerts/${encodeURIComponent(alert.key)}/ack`, { note: 'acknowledged on the dashboard' });
    setAlert(updated && updated.key ? updated : { ...alert, acknowledged: true });
    notify(`Acknowledged ${zoneName(alert.zoneId)} ${alert.severity}`);
  } catch (error) {
    button.disabled = false;
    reportFailure('Acknowledge', error);
  }
}

async function silenceFor(alert, seconds, button) {
  const now = labelSeconds(state.clock?.now);
  const start = Number.isFinite(now) ? now : Math.floor(Date.now() / 1000);
  await silence(alert, start, start + seconds, 'silenced for 1 h on the dashboard', button);
}

async function silence(alert, startSeconds, endSeconds, comment, button) {
  if (!requireKey()) return;
  if (button) button.disabled = true;
  try {
    await post('/silences', { zoneId: alert.zoneId, ruleId: alert.ruleId, startsAt: instantOfLabel(startSeconds), endsAt: instantOfLabel(endSeconds), comment });
    notify(`Silenced ${zoneName(alert.zoneId)} until ${displayLabel(secondsLabel(endSeconds))}`);
    setAlerts(await get('/alerts?active=true'));
  } catch (error) {
    reportFailure('Silence', error);
  } finally {
    if (button) button.disabled = false;
  }
}

let silenceTarget = null;

function openSilenceDialog(alert) {
  silenceTarget = alert;
  const now = labelSeconds(state.clock?.now);
  const start = Number.isFinite(now) ? now : Math.floor(Date.now() / 1000);
  byId('silence-target').textContent = `${zoneName(alert.zoneId)} (${alert.severity})`;
  byId('silence-until').value = secondsLabel(start + 4 * 3600).slice(0, 16);
  byId('silence-dialog').showModal();
}

function wireSilenceDialog() {
  const dialog = byId('silence-dialog');
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'ok' || !silenceTarget) return;
    const until = labelSeconds(byId('silence-until').value);
    const now = labelSeconds(state.clock?.now);
    const start = Number.isFinite(now) ? now : Math.floor(Date.now() / 1000);
    if (!Number.isFinite(until) || until <= start) {
      notify('Pick an end time after the current site time.', true);
      return;
    }
    silence(silenceTarget, start, until, byId('silence-comment').value || 'silenced on the dashboard');
  });
}

function requireKey() {
  if (hasKey()) return true;
  notify('Acknowledge and silence need an operator key: paste one in the key box at the top.', true);
  byId('key-form').hidden = false;
  byId('key-input').focus();
  return false;
}

function reportFailure(action, error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    notify(`${action} was refused (${error.status}): the key is missing, wrong or lacks the operator role.`, true);
    byId('key-form').hidden = false;
  } else {
    notify(`${action} failed: ${error.message}`, true);
  }
}
