// Bundles the dashboard into the server's wwwroot: index.html, app.js, app.css, MapLibre's worker and the API
// reference UI that /api/docs loads (Scalar's browser bundle).
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
  // Served at /scalar-api-reference.js for the server's /api/docs page (src/Surgewatch.Server/Docs/ApiDocsPage.cs).
  copyFileSync(join(here, 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js'), join(out, 'scalar-api-reference.js'));
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
