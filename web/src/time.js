// Site-local time labels ("2026-03-14T18:00:00", maybe with an offset the server added) as seconds, displayed as
// wall-clock labels. They are naive local labels, so they are handled as UTC to keep the browser's zone out.

/** Seconds since 1970-01-01T00:00 of the label's wall-clock date and time; NaN when it is not a label. */
export function labelSeconds(label) {
  if (typeof label !== 'string' || label.length < 16) return NaN;
  const ms = Date.parse(`${label.slice(0, 19).padEnd(19, ':00').slice(0, 19)}Z`);
  return ms / 1000;
}

/** The label of seconds, "YYYY-MM-DDTHH:mm:ss". */
export function secondsLabel(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

const two = (n) => String(n).padStart(2, '0');

/** "Mon 14 Mar 18:05" style display of a label. */
export function displayLabel(label) {
  const s = labelSeconds(label);
  if (Number.isNaN(s)) return label ?? '';
  const d = new Date(s * 1000);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "18:05" of a label. */
export function displayTime(label) {
  const s = labelSeconds(label);
  if (Number.isNaN(s)) return label ?? '';
  const d = new Date(s * 1000);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** A short duration such as "5 min" or "2 h 10 min". */
export function displayDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
