// Site-local time labels ("2026-03-14T18:00:00", maybe with an offset the server added) as seconds, displayed as
// wall-clock labels. They are naive local labels, so they are handled as UTC to keep the browser's zone out.

// Instants (alert times, silences: ISO with Z or an offset) become site labels through the site's time zone, which
// the clock message may name (siteZone, IANA) or give as utcOffset ("+11:00"); without either, UTC is assumed.
let siteZone = null;
let fixedOffsetSeconds = 0;
let siteParts = null;
let offsetGiven = false;

/** Takes the site's zone or offset from a clock message, when it carries one. */
export function setSiteTime(clock) {
  if (clock?.siteZone && clock.siteZone !== siteZone) {
    try {
      siteParts = new Intl.DateTimeFormat('en-GB', {
        timeZone: clock.siteZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
      siteZone = clock.siteZone;
    } catch {
      siteParts = null;
    }
  }
  const offset = /^([+-])(\d\d):?(\d\d)$/.exec(clock?.utcOffset ?? '');
  if (offset) offsetGiven = true;
  if (offset) fixedOffsetSeconds = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 3600 + Number(offset[3]) * 60);
}

const instantPattern = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/** Whether a time can be placed on the site clock: a label always, an instant only once the site zone is known. */
export function onSiteClock(value) {
  return typeof value === 'string' && (!instantPattern.test(value) || siteParts !== null || offsetGiven);
}

/** The site label (as seconds) of an instant in milliseconds. */
function siteSecondsOf(ms) {
  if (!siteParts) return ms / 1000 + fixedOffsetSeconds;
  const p = Object.fromEntries(siteParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) / 1000;
}

/** The instant (ISO, UTC) of a site label given as seconds: what the API wants for silences. */
export function instantOfLabel(seconds) {
  let guess = seconds * 1000;
  for (let i = 0; i < 2; i++) guess = seconds * 1000 - (siteSecondsOf(guess) * 1000 - guess);
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}

/** Seconds since 1970-01-01T00:00 of the label's wall-clock date and time; NaN when it is not a label. */
export function labelSeconds(label) {
  if (typeof label !== 'string' || label.length < 16) return NaN;
  if (instantPattern.test(label)) return siteSecondsOf(Date.parse(label));
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
  if (typeof label === 'string' && !onSiteClock(label)) {
    // The server gave an instant but not the site's zone: say UTC rather than pass it off as site time.
    const utc = Date.parse(label) / 1000;
    return Number.isNaN(utc) ? label : `${displayLabel(secondsLabel(utc))} UTC`;
  }
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
