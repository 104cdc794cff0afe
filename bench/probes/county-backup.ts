import { rmSync } from 'node:fs';
import { createBackup } from '../../electron/backend/backup/service';
import { createBackend } from '../../electron/backend/index';
import { COUNTY_FULL as COUNTY_SPEC } from '../countyData';
import { ensureCountyDb, workingCopy } from '../county';

// A backup somebody asks for (what imports.roster.commit takes first) on the county database: how
// long it takes and the longest stretch the main thread could not serve anybody, inline (the
// township path, forced) and on the worker (the path for files over 64 MB).
// `npx tsx bench/probes/county-backup.ts`

const county = await ensureCountyDb(COUNTY_SPEC);
for (const [label, inlineCheckMaxBytes] of [['worker', undefined], ['inline', Number.MAX_SAFE_INTEGER]] as const) {
  const dataDir = workingCopy(county, `county-backup-${label}`);
  const backend = await createBackend({ dataDir, log: { error: () => {}, warn: () => {} }, inlineCheckMaxBytes });
  await backend.integrity;
  await backend.maintenance;
  let last = performance.now();
  let longest = 0;
  let done = false;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!done) setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  const t0 = performance.now();
  await createBackup(backend.services, 'manual');
  done = true;
  console.log({ path: label, backup_ms: Math.round(performance.now() - t0), main_thread_longest_block_ms: Math.round(longest) });
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
