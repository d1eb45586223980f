// When zone data counts as stale: a source the server marks stale, or a status older than 90 minutes of site time.
import { labelSeconds } from './time.js';
import { state } from './state.js';

const staleAfterSeconds = 90 * 60;

export function isStale(status) {
  if (!status) return true;
  if (status.sources?.some((s) => s.stale)) return true;
  const now = labelSeconds(state.clock?.now);
  const at = labelSeconds(status.at);
  return Number.isFinite(now) && Number.isFinite(at) && now - at > staleAfterSeconds;
}
