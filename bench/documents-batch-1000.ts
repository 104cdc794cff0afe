/**
 * 1,000 信息采集表 in one documents.batch call, end to end: records read from SQLite, view models
 * mapped, Word files packed, zipped and stored — the way a clerk's 「批量打印」 runs. One village of
 * N households (default 1,000), each with three members and a 收入核算, built through the API first
 * (untimed). Reports wall and CPU time per mode and the longest event-loop stall (how long another
 * clerk's request could wait). Not part of `npm test`.
 *
 *   npx tsx bench/documents-batch-1000.ts [N] [merged|separate|both]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../electron/backend/index';
import type { Session } from '../electron/backend/context';
import { FixedClock, uuidIds } from '../electron/backend/runtime';
import { makeIdNumber } from '../shared/domain/idCard';

const count = Number(process.argv[2] ?? 1000);
const mode = process.argv[3] ?? 'both';
const PASSWORD = 'Bench-Passw0rd!';

async function call(b: Backend, s: Session, method: string, input: unknown): Promise<unknown> {
  const r = await b.dispatch(method, input, s);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function seed(b: Backend, s: Session): Promise<string> {
  await call(b, s, 'settings.saveOffice', { county: '平江县', township: '青山镇' });
  const township = (await call(b, s, 'divisions.save', { level: 'township', name: '青山镇' })) as { id: string };
  const village = (await call(b, s, 'divisions.save', { level: 'village', name: '青山村', parentId: township.id })) as { id: string };
  const group = (await call(b, s, 'divisions.save', { level: 'group', name: '一组', parentId: village.id })) as { id: string };
  for (let i = 0; i < count; i++) {
    const seq = (n: number) => String((i * 3 + n) % 1000).padStart(3, '0');
    const region = `4306${String(10 + Math.floor((i * 3) / 1000)).padStart(2, '0')}`;
    const h = (await call(b, s, 'households.save', {
      villageId: village.id,
      groupId: group.id,
      householdType: i % 3 === 0 ? '脱贫户' : '一般农户',
      phone: `138${String(i).padStart(8, '0')}`,
      members: [
        { name: `龚${String(i).padStart(4, '0')}`, idNumber: makeIdNumber(region, '19680312', seq(0)), relation: '户主', labourSkill: '普通劳动力', insuredMedical: true },
        { name: `李${String(i).padStart(4, '0')}`, idNumber: makeIdNumber(region, '19700701', seq(1)), relation: '配偶', labourSkill: '普通劳动力', health: '健康' },
        { name: `龚小${i}`, idNumber: makeIdNumber(region, '20150901', seq(2)), relation: '之子', labourSkill: '无劳动力', schoolStage: 'primary', schoolGrade: 5 },
      ],
    })) as { id: string };
    await call(b, s, 'income.save', {
      householdId: h.id,
      date: '2026-11-20',
      items: [
        { key: 'migrantWork', amountFen: 1_800_000 + i },
        { key: 'planting', amountFen: 500_000 },
        { key: 'farmlandSubsidy', amountFen: 41_250 },
      ],
    });
  }
  return village.id;
}

/** Longest gap between 10 ms ticks while `run` works: the event loop's worst stall. */
async function timed(run: () => Promise<{ fileSize: number; count: number; files: number }>) {
  let last = performance.now();
  let worst = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(tick);
  return {
    forms: r.count,
    files: r.files,
    wallSeconds: +(wall / 1000).toFixed(1),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    wallMsPerForm: +(wall / r.count).toFixed(1),
    longestStallMs: Math.round(worst),
    MiB: +(r.fileSize / 1048576).toFixed(1),
    heapMiB: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-bench-docs-'));
  const backend = await createBackend({ dataDir, clock: new FixedClock('2026-11-29T02:00:00.000Z'), ids: uuidIds, adminPassword: PASSWORD, log: { error: () => {}, warn: () => {} } });
  try {
    const login = await backend.dispatch('auth.login', { username: 'admin', password: PASSWORD }, null);
    if (!login.ok) throw new Error(login.error.message);
    const session = backend.authenticate((login.value as { token: string }).token)!;
    const s0 = performance.now();
    const villageId = await seed(backend, session);
    const result: Record<string, unknown> = { households: count, cores: cpus().length, seedSeconds: +((performance.now() - s0) / 1000).toFixed(1) };
    const batch = async (merged: boolean) => {
      const r = (await call(backend, session, 'documents.batch', { form: 'intake', villageId, merged })) as { fileId: string; count: number; files: number };
      return { fileSize: backend.services.files.meta(r.fileId).size, count: r.count, files: r.files };
    };
    await call(backend, session, 'documents.generate', { form: 'intake', householdId: (backend.services.db.prepare('SELECT id FROM households LIMIT 1').get() as { id: string }).id }); // warm-up
    if (mode !== 'separate') result.merged = await timed(() => batch(true));
    if (mode !== 'merged') result.separate = await timed(() => batch(false));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
