import { countyBackend } from '../countyBackend';
import { rmSync } from 'node:fs';
import { MAX_BACKUP_UPLOAD_BYTES } from '../../electron/backend/files';
import { watchMainThread } from '../stallWatch';

// exports.register (户籍名册 / 人员名册 as .xlsx) of a whole county (300k households / 1M people), and 'all':
// exports.all (全部数据导出, the logical JSON export), through dispatch on a working copy: how long, the longest
// stretch the main thread could not serve anybody, and the backend's peak RSS.
// `npx tsx bench/probes/county-export.ts [households|members|all ...]`

const views = process.argv.slice(2).length ? process.argv.slice(2) : ['households', 'members'];
const { backend, session, dataDir } = await countyBackend('county-export');
for (const view of views) {
  const exportWatch = watchMainThread();
  const t0 = performance.now();
  const r = view === 'all' ? await backend.dispatch('exports.all', {}, session) : await backend.dispatch('exports.register', { view, filter: {} }, session);
  const exported = exportWatch.stop();
  const out = r.ok ? (r.value as { rows: number; fileId: string }) : null;
  const bytes = out ? backend.services.files.read(out.fileId).length : 0;
  console.log({ view, ok: r.ok, error: r.ok ? undefined : r.error.message, rows: out?.rows, mb: Math.round(bytes / 1048576), export_ms: Math.round(performance.now() - t0), longest_block_ms: exported.longestBlockMs, peak_rss_mb: exported.peakRssMb });
  if (view === 'all' && out) {
    // …and back: imports.all rebuilds it into a new database file (what B-05 promises), timed the same way.
    const token = backend.services.files.put(backend.services.files.read(out.fileId), { originalName: 'all.zip', kind: 'upload', at: new Date().toISOString(), maxBytes: MAX_BACKUP_UPLOAD_BYTES }).id;
    const rebuildWatch = watchMainThread();
    const t1 = performance.now();
    const back = await backend.dispatch('imports.all', { fileToken: token }, session);
    const rebuilt = rebuildWatch.stop();
    console.log({ rebuild_ok: back.ok, rebuild_error: back.ok ? undefined : back.error.message, rebuild_ms: Math.round(performance.now() - t1), rebuild_longest_block_ms: rebuilt.longestBlockMs, peak_rss_mb: rebuilt.peakRssMb });
  }
}
backend.close();
rmSync(dataDir, { recursive: true, force: true });
