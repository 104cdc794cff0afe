// npm run build:electron — bundles the Electron main process and the preload into dist-electron/:
//   main.cjs     CommonJS, Node platform; better-sqlite3 stays external (a native module that
//                electron-builder rebuilds for Electron's ABI at packaging time, never here).
//   preload.cjs  CommonJS, requires nothing but 'electron' (sandboxed preloads may not).
//   migrations/  the numbered .sql files the backend applies (migrate.ts reads ./migrations
//                next to the bundle; main.ts also passes the folder explicitly).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// GUARDLINE_ELECTRON_OUT: tests build into a temp folder instead of the shared dist-electron/.
const out = process.env.GUARDLINE_ELECTRON_OUT ?? join(root, 'dist-electron');
const production = process.env.NODE_ENV !== 'development';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'inline',
  minify: false, // readable stack traces in office support calls; size is irrelevant offline
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [join(root, 'electron', 'main', 'main.ts')],
  outfile: join(out, 'main.cjs'),
  external: ['electron', 'better-sqlite3'],
  // ESM code that asks for import.meta.url (migrate.ts) gets the bundle's own URL in CommonJS.
  define: { 'import.meta.url': '__guardline_bundle_url' },
  banner: { js: "const __guardline_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: [join(root, 'electron', 'preload', 'preload.ts')],
  outfile: join(out, 'preload.cjs'),
  external: ['electron'],
});

// Worker-thread jobs (batch forms, background checks): bundled beside main.cjs, where jobEntry()
// resolves them from the bundle's URL (or GUARDLINE_JOBS_DIR).
for (const name of ['batchDocx.worker', 'quickCheck.worker']) {
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'backend', 'jobs', `${name}.ts`)],
    outfile: join(out, `${name}.js`),
    external: ['better-sqlite3'],
    define: { 'import.meta.url': '__guardline_bundle_url' },
    banner: { js: "const __guardline_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  });
}

const migrationsFrom = join(root, 'electron', 'backend', 'db', 'migrations');
const migrationsTo = join(out, 'migrations');
mkdirSync(migrationsTo, { recursive: true });
const sql = readdirSync(migrationsFrom).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
for (const f of sql) copyFileSync(join(migrationsFrom, f), join(migrationsTo, f));

console.log(`dist-electron: main.cjs, preload.cjs, 2 job workers, ${sql.length} migrations`);
