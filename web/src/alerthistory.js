// "Last 24 h": the alert episodes that ended, newest first, with how long each lasted, its peak, who acknowledged
// and the note (GET /alerts/episodes, read back from the stored alert events).
import { get } from './api.js';
import { byId, el, patchChildren } from './dom.js';
import { on, selectAlertSubject, state, zoneName } from './state.js';
import { displayDuration, displayLabel, labelSeconds } from './time.js';
import { formatValue } from './units.js';

const refreshMs = 60_000;
let loadedAt = 0;
let pending = null;
let closedSeen = '';

export function createAlertHistory() {
  on('clock', () => { if (Date.now() - loadedAt > refreshMs) load(); });
  // An alert that resolves (or falls back to inactive) ends an episode: reload soon after, once.
  on('alerts', () => {
    const closed = [...state.alerts.values()].filter((a) => a.state === 'resolved' || a.state === 'inactive').map((a) => `${a.key}@${a.since}`).join();
    if (closed !== closedSeen) {
      closedSeen = closed;
      clearTimeout(pending);
      pending = setTimeout(load, 1000);
    }
  });
}

async function load() {
  loadedAt = Date.now();
  try {
    render(await get('/alerts/episodes'));
  } catch (error) {
    byId('alerts-history').replaceChildren(el('li', { class: 'empty' }, `No history: ${error.message}`));
  }
}

/** The ended episodes, newest end first. */
export function endedEpisodes(episodes) {
  return episodes.filter((e) => e.endedAt).sort((a, b) => labelSeconds(b.endedAt) - labelSeconds(a.endedAt));
}

function render(episodes) {
  const ended = endedEpisodes(episodes);
  byId('history-count').textContent = String(ended.length);
  patchChildren(byId('alerts-history'), ended.length ? ended.map(item) : [el('li', { class: 'empty' }, 'No alert resolved in the last 24 h')]);
}

function item(e) {
  const severity = e.severity ?? 'warning';
  const peak = formatValue(e.peak, e.unit);
  return el('li', { class: `alert history ${severity}`, 'data-testid': 'history-item', 'data-key': e.key },
    el('div', { class: 'alert-head' },
      el('span', { class: `sev ${severity}` }, severity),
      el('button', { type: 'button', class: 'link', onclick: () => selectAlertSubject({ zoneId: e.zoneId, subjectKind: e.subjectKind }) }, zoneName(e.zoneId)),
      el('span', { class: 'rule' }, e.ruleName ?? e.ruleId),
      el('span', { class: 'state', 'data-testid': 'history-duration' }, displayDuration(e.durationSeconds))),
    el('div', { class: 'alert-meta' },
      `${displayLabel(e.startedAt)} – ${displayLabel(e.endedAt)}`,
      peak ? ` · peak ${peak}` : '',
      e.acknowledgedBy ? ` · ack by ${e.acknowledgedBy}` : ' · not acknowledged',
      e.resolvedBy ? ` · resolved by ${e.resolvedBy}` : '',
      e.note ? ` · “${e.note}”` : ''));
}
