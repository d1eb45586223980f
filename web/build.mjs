// Bundles the dashboard into the server's wwwroot: index.html, app.js, app.css and MapLibre's worker.
// Everything comes from npm packages; nothing is loaded from a CDN at run time, so the dashboard works offline.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'Surgewatch.Server', 'wwwroot');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: [join(here, 'src', 'app.js'), join(here, 'src', 'app.css')],
  outdir: out,
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'eof',
  logLevel: 'info',
  loader: { '.svg': 'text' },
};

function copyStatic() {
  copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
  // MapLibre 6 starts its tile workers from a separate module file, found through setWorkerUrl.
  copyFileSync(join(here, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'), join(out, 'maplibre-gl-worker.mjs'));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyStatic();
if (watch) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  // esbuild has already printed the errors; exit non-zero without a second stack trace.
  await build(options).catch(() => process.exit(1));
}
