// When to read what a MapLibre map has drawn (for people reading the DOM, and for the tests).
// 'idle' alone is not enough: a map whose live data changes every second on a slow, software-rendered browser may
// stay busy for long stretches, so the reading is also taken while it renders, at most once per interval.

/** Calls read() on every 'idle' of the map and, between those, at most once every intervalMs while it renders. */
export function onDrawn(map, read, intervalMs = 1000) {
  let last = -Infinity;
  const take = () => {
    last = performance.now();
    read();
  };
  map.on('idle', take);
  map.on('render', () => {
    if (performance.now() - last >= intervalMs) take();
  });
}
