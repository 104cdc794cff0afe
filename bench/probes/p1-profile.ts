import { rmSync } from 'node:fs';
import { createBackend } from '../../electron/backend/index';
import { BENCH_ADMIN_PASSWORD, benchDataDir } from '../county';
import { login } from '../context';
import { ROSTER_SPEC, rosterXlsx } from '../fixtures/rosterXlsx';

// One P1 import (preview + commit of the 10,000-household roster into a fresh township), for
// `node --cpu-prof --import tsx bench/probes/p1-profile.ts`; prints preview and commit times.

const roster = await rosterXlsx(ROSTER_SPEC);
for (let run = 0; run < 2; run++) {
  const dataDir = benchDataDir(`p1-profile-${run}`);
  const backend = await createBackend({ dataDir, adminPassword: BENCH_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
  await backend.maintenance;
  const session = await login(backend);
  const call = async <T>(m: string, i: unknown): Promise<T> => {
    const r = await backend.dispatch(m, i, session);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const township = await call<{ id: string }>('divisions.save', { level: 'township', name: roster.township });
  for (const v of roster.villages) {
    const village = await call<{ id: string }>('divisions.save', { level: 'village', name: v.name, parentId: township.id });
    for (const g of v.groups) await call('divisions.save', { level: 'group', name: g, parentId: village.id });
  }
  const file = backend.services.files.put(roster.bytes, { originalName: 'r.xlsx', kind: 'upload', at: new Date().toISOString(), createdBy: 'admin' }).id;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const preview = await call<{ previewId: string }>('imports.roster.preview', { file, options: {} });
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  await call('imports.roster.commit', { previewId: preview.previewId });
  const c2 = process.cpuUsage(c0);
  const cpu = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 1000);
  console.log({ preview: Math.round(t1 - t0), commit: Math.round(performance.now() - t1), previewCpu: cpu(c1), commitCpu: cpu(c2) - cpu(c1) });
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
