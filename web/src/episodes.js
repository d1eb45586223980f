// Alert episodes as shaded spans on a time chart (x in site-label seconds, as the zone and counter charts use).
// Wiring, in a uPlot chart's options: `plugins: [episodesPlugin(() => state.selected)]` — the plugin loads the
// selected subject's episodes (GET /alerts/episodes?subject=) itself and redraws when they arrive.
import { get } from './api.js';
import { levelColour } from './levels.js';
import { labelSeconds } from './time.js';
import { state } from './state.js';

const refreshMs = 30_000;
const cache = new Map(); // "kind:id" -> { spans, at, loading }

/**
 * The episodes of a subject (kind 'zone', or 'counter' for a sensor: a counter's surge or a road's congestion) as spans
 * { from, to, severity, open, key } in site seconds.
 */
export async function loadEpisodes(kind, id) {
  const episodes = await get(`/alerts/episodes?subject=${encodeURIComponent(id)}`);
  return toSpans(episodes.filter((e) => sameKind(e.subjectKind ?? 'zone', kind)), labelSeconds(state.clock?.now));
}

/** Sensors (counters and roads) share the panel kind 'counter'; zones are 'zone'. */
function sameKind(subjectKind, kind) {
  return kind === 'counter' ? subjectKind === 'counter' || subjectKind === 'road' : subjectKind === kind;
}

/** Spans of episodes; an open one runs to `now`. Episodes without a start on the site clock are left out. */
export function toSpans(episodes, now) {
  return episodes
    .map((e) => ({ key: e.key, severity: e.severity ?? 'warning', open: !e.endedAt, from: labelSeconds(e.startedAt), to: e.endedAt ? labelSeconds(e.endedAt) : now }))
    .filter((s) => Number.isFinite(s.from) && Number.isFinite(s.to) && s.to >= s.from);
}

function spansOf(subject, redraw) {
  if (!subject?.id) return [];
  const id = `${subject.kind}:${subject.id}`;
  const entry = cache.get(id) ?? { spans: [], at: 0, loading: false };
  cache.set(id, entry);
  if (!entry.loading && Date.now() - entry.at > refreshMs) {
    entry.loading = true;
    loadEpisodes(subject.kind, subject.id)
      .then((spans) => { entry.spans = spans; redraw(); })
      .catch((error) => console.warn('No alert episodes', error))
      .finally(() => { entry.at = Date.now(); entry.loading = false; });
  }
  return entry.spans;
}

/**
 * A uPlot plugin shading each alert episode of the subject `subject()` returns ({ kind, id }, as state.selected) under
 * the series, in its severity's colour. The chart's root carries data-episodes (how many are in view) for tests.
 */
export function episodesPlugin(subject) {
  return {
    hooks: {
      drawClear: [(u) => {
        // The chart may be replaced while its episodes load: redraw only one still on the page.
        const spans = spansOf(subject(), () => { if (u.root.isConnected) u.redraw(false); });
        drawSpans(u, spans);
      }],
    },
  };
}

function drawSpans(u, spans) {
  const { ctx, bbox } = u;
  const [min, max] = [u.scales.x.min, u.scales.x.max];
  let shown = 0;
  ctx.save();
  for (const span of spans) {
    if (span.to < min || span.from > max) continue;
    const left = u.valToPos(Math.max(span.from, min), 'x', true);
    const right = u.valToPos(Math.min(span.to, max), 'x', true);
    ctx.globalAlpha = span.open ? 0.22 : 0.14;
    ctx.fillStyle = levelColour[span.severity] ?? levelColour.warning;
    ctx.fillRect(left, bbox.top, Math.max(1, right - left), bbox.height);
    shown++;
  }
  ctx.restore();
  u.root.dataset.episodes = String(shown);
}
