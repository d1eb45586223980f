// The HTTP API client: public reads, and operator actions with the bearer key.
const prefix = '/api/v1';
const keyStorage = 'surgewatch.operatorKey';

let operatorKey = sessionStorage.getItem(keyStorage) ?? '';

/** Raised for a non-2xx answer; message is the server's problem detail when it sent one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function hasKey() {
  return operatorKey !== '';
}

/** The key in use, for the live hub (a server that closes reads asks for it there too); '' when none. */
export function currentKey() {
  return operatorKey;
}

/** Sets the key used for operator actions; a pasted key is kept for this browser tab only (sessionStorage). */
export function setKey(key, remember) {
  operatorKey = key.trim();
  if (remember) {
    if (operatorKey) sessionStorage.setItem(keyStorage, operatorKey);
    else sessionStorage.removeItem(keyStorage);
  }
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (operatorKey) headers.Authorization = `Bearer ${operatorKey}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(prefix + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  if (response.status === 204) return null;
  return response.json();
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export const get = (path) => send('GET', path);
export const post = (path, body) => send('POST', path, body ?? {});
export const del = (path) => send('DELETE', path);
