// Operator actions need a key: asks for one when it is missing, and says plainly why an action was refused.
import { ApiError, hasKey } from './api.js';
import { byId } from './dom.js';
import { notify } from './notify.js';

export function requireKey() {
  if (hasKey()) return true;
  notify('Acknowledge and silence need an operator key: paste one in the key box at the top.', true);
  byId('key-form').hidden = false;
  byId('key-input').focus();
  return false;
}

export function reportFailure(action, error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    notify(`${action} was refused (${error.status}): the key is missing, wrong or lacks the operator role.`, true);
    byId('key-form').hidden = false;
  } else {
    notify(`${action} failed: ${error.message}`, true);
  }
}
