// Silences: "Silence 1 h" and the dialog mute an alert's subject (or only its rule); the dialog lists the current
// alerts the silence would mute before it is created. Active silences are listed and can be ended (DELETE /silences/{id}).
import { del, get, post } from './api.js';
import { byId, el, patchChildren } from './dom.js';
import { notify } from './notify.js';
import { on, setAlerts, state, zoneName } from './state.js';
import { displayLabel, instantOfLabel, labelSeconds, secondsLabel } from './time.js';
import { reportFailure, requireKey } from './operator.js';

const refreshMs = 30_000;
let silences = [];
let loadedAt = 0;
let target = null;

export function createSilences() {
  on('clock', () => { if (Date.now() - loadedAt > refreshMs) loadSilences(); });
  on('alerts', renderPreview);
  byId('silence-scope').addEventListener('change', renderPreview);
  wireDialog();
}

function siteNow() {
  const now = labelSeconds(state.clock?.now);
  return Number.isFinite(now) ? now : Math.floor(Date.now() / 1000);
}

async function loadSilences() {
  loadedAt = Date.now();
  try {
    silences = await get('/silences');
  } catch (error) {
    console.warn('No silences', error);
    silences = [];
  }
  renderSilences();
}

/** The silences still in force or yet to start on the site clock, soonest end first. */
export function activeSilences(list, nowSeconds) {
  return list.filter((s) => labelSeconds(s.endsAt) > nowSeconds).sort((a, b) => labelSeconds(a.endsAt) - labelSeconds(b.endsAt));
}

function scopeText(zoneId, ruleId) {
  const rule = ruleId ? [...state.alerts.values()].find((a) => a.ruleId === ruleId)?.ruleName ?? ruleId : 'every rule';
  return `${zoneId ? zoneName(zoneId) : 'every zone and counter'} · ${rule}`;
}

function renderSilences() {
  const active = activeSilences(silences, siteNow());
  byId('silence-count').textContent = String(active.length);
  patchChildren(byId('silences-list'), active.map((s) => el('li', { class: 'silence', 'data-testid': 'silence-item', 'data-id': s.id },
    el('div', {}, scopeText(s.zoneId, s.ruleId)),
    el('div', { class: 'alert-meta' }, `until ${displayLabel(s.endsAt)} · by ${s.createdBy}${s.comment ? ` · ${s.comment}` : ''}`),
    el('button', { type: 'button', 'data-testid': 'silence-end', onclick: (e) => endSilence(s, e.target) }, 'End now'))));
}

async function endSilence(silence, button) {
  if (!requireKey()) return;
  button.disabled = true;
  try {
    await del(`/silences/${encodeURIComponent(silence.id)}`);
    notify(`Ended the silence of ${scopeText(silence.zoneId, silence.ruleId)}`);
    await afterChange();
  } catch (error) {
    button.disabled = false;
    reportFailure('End silence', error);
  }
}

async function afterChange() {
  await loadSilences();
  setAlerts(await get('/alerts?active=true'));
}

/** Silences every rule of the alert's subject for `seconds` from now. */
export async function silenceSubject(alert, seconds, button) {
  const start = siteNow();
  await create({ zoneId: alert.zoneId, ruleId: null }, start, start + seconds, 'silenced for 1 h on the dashboard', button);
}

async function create(scope, startSeconds, endSeconds, comment, button) {
  if (!requireKey()) return;
  if (button) button.disabled = true;
  try {
    await post('/silences', { ...scope, startsAt: instantOfLabel(startSeconds), endsAt: instantOfLabel(endSeconds), comment });
    notify(`Silenced ${zoneName(scope.zoneId)} until ${displayLabel(secondsLabel(endSeconds))}`);
    await afterChange();
  } catch (error) {
    reportFailure('Silence', error);
  } finally {
    if (button) button.disabled = false;
  }
}

/** The current alerts a silence of { zoneId, ruleId } (null: any) would mute. */
export function mutedBy(alerts, scope) {
  return alerts.filter((a) => a.state !== 'resolved' && a.state !== 'inactive'
    && (!scope.zoneId || a.zoneId === scope.zoneId) && (!scope.ruleId || a.ruleId === scope.ruleId));
}

function dialogScope() {
  if (!target) return null;
  return byId('silence-scope').value === 'rule' ? { zoneId: target.zoneId, ruleId: target.ruleId } : { zoneId: target.zoneId, ruleId: null };
}

function renderPreview() {
  const scope = dialogScope();
  if (!scope) return;
  const muted = mutedBy([...state.alerts.values()], scope);
  byId('silence-preview').replaceChildren(...(muted.length
    ? muted.map((a) => el('li', { 'data-testid': 'silence-preview-item', 'data-key': a.key }, `${a.severity} · ${a.ruleName ?? a.ruleId} · ${a.state}`))
    : [el('li', { class: 'muted' }, 'No current alert; it mutes those that come.')]));
}

export function openSilenceDialog(alert) {
  target = alert;
  byId('silence-target').textContent = zoneName(alert.zoneId);
  byId('silence-rule-option').textContent = `only ${alert.ruleName ?? alert.ruleId}`;
  byId('silence-scope').value = 'subject';
  byId('silence-until').value = secondsLabel(siteNow() + 4 * 3600).slice(0, 16);
  renderPreview();
  byId('silence-dialog').showModal();
}

function wireDialog() {
  const dialog = byId('silence-dialog');
  dialog.addEventListener('close', () => {
    const scope = dialogScope();
    target = null;
    if (dialog.returnValue !== 'ok' || !scope) return;
    const until = labelSeconds(byId('silence-until').value);
    const start = siteNow();
    if (!Number.isFinite(until) || until <= start) {
      notify('Pick an end time after the current site time.', true);
      return;
    }
    create(scope, start, until, byId('silence-comment').value || 'silenced on the dashboard');
  });
}
