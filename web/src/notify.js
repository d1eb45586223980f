// A transient message line under the top bar (also used for errors an operator must see).
import { byId } from './dom.js';

let timer = 0;

export function notify(message, isError = false) {
  const banner = byId('banner');
  banner.textContent = message;
  banner.dataset.kind = isError ? 'error' : 'info';
  banner.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => { banner.hidden = true; }, isError ? 12_000 : 5_000);
}
