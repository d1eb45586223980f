// The alert inbox, after Alertmanager: open alerts grouped per subject (a zone, or a counter), the worst first; the
// group shows its worst alert and expands to the rest, each marked when a worse one inhibits it. Acknowledge acts on
// the group's open alerts; only open alerts (the server's `open`) are listed, so nothing closed offers Acknowledge.
import { post } from './api.js';
import { byId, el, patchChildren } from './dom.js';
import { levelRank } from './levels.js';
import { on, selectAlertSubject, setAlert, state, zoneName } from './state.js';
import { displayDuration, displayLabel, labelSeconds, onSiteClock } from './time.js';
import { notify } from './notify.js';
import { formatValue } from './units.js';
import { createAlertHistory } from './alerthistory.js';
import { createSilences, mutedBy, openSilenceDialog, silenceSubject } from './silences.js';
import { reportFailure, requireKey } from './operator.js';

const expanded = new Set();

export function createInbox() {
  on('alerts', render);
  on('zones', render);
  on('clock', render);
  createAlertHistory();
  createSilences();
}

/** Whether an alert belongs in the inbox: the server says so (`open`), or, from an older server, its state does. */
export function isOpen(alert) {
  return alert.open ?? ['pending', 'firing', 'recovering'].includes(alert.state);
}

const stateRank = { firing: 3, recovering: 2, 'no-data': 1, pending: 0 };

/** Worst first: severity, not inhibited before inhibited, firing before pending, then the oldest. */
function worstFirst(a, b) {
  return levelRank(b.severity) - levelRank(a.severity)
    || Number(Boolean(a.inhibitedBy)) - Number(Boolean(b.inhibitedBy))
    || (stateRank[b.state] ?? 0) - (stateRank[a.state] ?? 0)
    || labelSeconds(a.since) - labelSeconds(b.since);
}

/** The open alerts as groups per subject, worst group first: { id, alerts (worst first), worst, acknowledged }. */
export function groupAlerts(alerts) {
  const groups = new Map();
  for (const alert of alerts.filter(isOpen)) {
    const id = `${alert.subjectKind ?? 'zone'}:${alert.zoneId}`;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id).push(alert);
  }
  const list = [...groups].map(([id, members]) => {
    members.sort(worstFirst);
    return { id, alerts: members, worst: members[0], acknowledged: members.every((a) => a.acknowledged) };
  });
  return list.sort((a, b) => worstFirst(a.worst, b.worst));
}

function render() {
  const groups = groupAlerts([...state.alerts.values()]);
  const open = groups.filter((g) => !g.acknowledged);
  const acknowledged = groups.filter((g) => g.acknowledged);
  byId('alert-count').textContent = String(open.length);
  byId('alert-count').dataset.severity = open[0]?.worst.severity ?? 'none';
  patchChildren(byId('alerts-open'), open.length ? open.map(group) : [el('li', { class: 'empty' }, 'No open alerts')]);
  patchChildren(byId('alerts-acknowledged'), acknowledged.map(group));
  renderNoData();
}

/** Subjects whose alerts cannot be judged (NoData of an alert that was not firing): listed, never acknowledged. */
function renderNoData() {
  const silent = [...state.alerts.values()].filter((a) => a.state === 'no-data' && !isOpen(a));
  byId('alerts-nodata-section').hidden = silent.length === 0;
  patchChildren(byId('alerts-nodata'), silent.map((a) => el('li', { class: 'alert nodata', 'data-testid': 'nodata-item', 'data-key': a.key },
    el('button', { type: 'button', class: 'link', onclick: () => selectAlertSubject(a) }, zoneName(a.zoneId)),
    el('span', { class: 'alert-meta' }, ` no data since ${displayLabel(a.since)}`))));
}

function group(g) {
  const rest = g.alerts.slice(1);
  const isExpanded = expanded.has(g.id);
  return el('li', { class: `alert-group ${g.worst.severity}`, 'data-testid': 'alert-group', 'data-subject': g.id, 'data-size': g.alerts.length },
    item(g.worst, g),
    rest.length ? el('button', {
      type: 'button', class: 'link more', 'data-testid': 'alert-group-toggle', 'aria-expanded': isExpanded ? 'true' : 'false',
      onclick: () => { if (!expanded.delete(g.id)) expanded.add(g.id); render(); },
    }, isExpanded ? 'hide the others' : `+${rest.length} more on this ${g.worst.subjectKind === 'counter' ? 'counter' : 'zone'}`) : null,
    isExpanded ? el('ol', { class: 'alerts nested', 'data-testid': 'alert-group-rest' }, ...rest.map((a) => item(a, null))) : null);
}

function ruleName(alert, key) {
  return state.alerts.get(key)?.ruleName ?? key?.split('/')[0] ?? '';
}

/** One alert; the group's head (g given) carries the subject and the actions. */
function item(alert, g) {
  const since = labelSeconds(alert.since);
  const now = labelSeconds(state.clock?.now);
  const age = onSiteClock(alert.since) && Number.isFinite(now) && Number.isFinite(since) && now >= since ? ` (${displayDuration(now - since)})` : '';
  const value = formatValue(alert.value, alert.unit);
  return el('div', {
    class: `alert ${alert.severity} ${alert.acknowledged ? 'acknowledged' : ''} ${alert.inhibitedBy ? 'inhibited' : ''}`,
    'data-testid': 'alert-item', 'data-key': alert.key, 'data-severity': alert.severity,
    'data-state': alert.state, 'data-acknowledged': alert.acknowledged ? 'true' : 'false',
  },
  el('div', { class: 'alert-head' },
    el('span', { class: `sev ${alert.severity}`, 'data-testid': 'alert-severity' }, alert.severity),
    g ? el('button', { type: 'button', class: 'link', onclick: () => selectAlertSubject(alert), 'data-testid': 'alert-zone' }, zoneName(alert.zoneId)) : null,
    el('span', { class: 'rule', 'data-testid': 'alert-rule' }, alert.ruleName ?? alert.ruleId),
    el('span', { class: 'state', 'data-testid': 'alert-state' }, alert.acknowledged ? `${alert.state} · acknowledged` : alert.state),
    alert.silenced ? el('span', { class: 'tag' }, 'silenced') : null,
    alert.inhibitedBy ? el('span', { class: 'tag', 'data-testid': 'alert-inhibited', title: 'A worse alert of this subject stands for it: it notifies no one meanwhile.' },
      `inhibited by ${ruleName(alert, alert.inhibitedBy)}`) : null),
  el('div', { class: 'alert-meta' },
    `since ${displayLabel(alert.since)}${age}`,
    value ? ` · ${value}` : '',
    alert.acknowledged ? ` · ack by ${alert.acknowledgedBy ?? 'operator'}${alert.acknowledgedAt ? ` at ${displayLabel(alert.acknowledgedAt)}` : ''}` : ''),
  g ? el('div', { class: 'alert-actions' },
    g.acknowledged ? null : el('button', { type: 'button', 'data-testid': 'alert-ack', onclick: (e) => acknowledge(g, e.target) },
      g.alerts.length > 1 ? `Acknowledge all ${g.alerts.length}` : 'Acknowledge'),
    el('button', {
      type: 'button', 'data-testid': 'alert-silence-1h', onclick: (e) => silenceSubject(alert, 3600, e.target),
      // What it mutes, before it is made: every current alert of the subject (the dialog lists them too).
      title: `Mutes for 1 h: ${mutedBy([...state.alerts.values()], { zoneId: alert.zoneId, ruleId: null }).map((a) => `${a.severity} ${a.ruleName ?? a.ruleId}`).join('; ')}`,
    }, 'Silence 1 h'),
    el('button', { type: 'button', 'data-testid': 'alert-silence-until', onclick: () => openSilenceDialog(alert) }, 'Silence until…')) : null);
}

async function acknowledge(g, button) {
  if (!requireKey()) return;
  button.disabled = true;
  try {
    for (const alert of g.alerts.filter((a) => !a.acknowledged)) {
      const updated = await post(`/alerts/${encodeURIComponent(alert.key)}/ack`, { note: 'acknowledged on the dashboard' });
      setAlert(updated && updated.key ? updated : { ...alert, acknowledged: true });
    }
    notify(`Acknowledged ${zoneName(g.worst.zoneId)} ${g.worst.severity}`);
  } catch (error) {
    button.disabled = false;
    reportFailure('Acknowledge', error);
  }
}
