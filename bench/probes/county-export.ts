import { rmSync } from 'node:fs';
import { createBackend } from '../../electron/backend/index';
import { COUNTY_FULL as COUNTY_SPEC } from '../countyData';
import { BENCH_ADMIN_PASSWORD, ensureCountyDb, workingCopy } from '../county';
import { login } from '../context';

// exports.register (户籍名册 / 人员名册 as .xlsx) of a whole county (300k households / 1M people) through
// dispatch on a working copy: how long, the longest stretch the main thread could not serve anybody, and
// the backend's peak RSS. `npx tsx bench/probes/county-export.ts [households|members ...]`

const views = process.argv.slice(2).length ? process.argv.slice(2) : ['households', 'members'];
const county = await ensureCountyDb(COUNTY_SPEC);
const dataDir = workingCopy(county, 'county-export');
const backend = await createBackend({ dataDir, adminPassword: BENCH_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
await backend.integrity;
await backend.maintenance;
const session = await login(backend);
for (const view of views) {
  let last = performance.now();
  let longest = 0;
  let peakRss = process.memoryUsage().rss;
  let done = false;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (!done) setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  const t0 = performance.now();
  const r = await backend.dispatch('exports.register', { view, filter: {} }, session);
  done = true;
  const out = r.ok ? (r.value as { rows: number; fileId: string }) : null;
  const bytes = out ? backend.services.files.read(out.fileId).length : 0;
  console.log({ view, ok: r.ok, error: r.ok ? undefined : r.error.message, rows: out?.rows, mb: Math.round(bytes / 1048576), export_ms: Math.round(performance.now() - t0), longest_block_ms: Math.round(longest), peak_rss_mb: Math.round(peakRss / 1048576) });
}
backend.close();
rmSync(dataDir, { recursive: true, force: true });
