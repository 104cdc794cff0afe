import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Worker threads for long jobs. The same job code runs from TypeScript sources (tsx: dev server,
// vitest, bench) and from the bundled Electron build (.js). A worker does not inherit the parent's
// tsx loader on Node 20, so a .ts entry is started through a one-line bootstrap that imports it
// with tsx's tsImport(); a .js entry starts directly.

/**
 * Where the worker entry files live. The Electron build copies/bundles them beside its output and
 * points GUARDLINE_JOBS_DIR there (as GUARDLINE_MIGRATIONS_DIR does for migrations): a CJS bundle
 * has no import.meta.url to resolve them from.
 */
export function jobEntry(name: string): URL {
  const dir = process.env.GUARDLINE_JOBS_DIR;
  if (dir) return pathToFileURL(`${dir.replace(/[\\/]$/, '')}/${name}.js`);
  const here = import.meta.url;
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}

export function spawnWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  // The ESM entry: tsx's CommonJS build of this API cannot be import()ed from a worker.
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true, workerData, argv: [fileURLToPath(entry)] });
}
