// Roster import at county scale: 10,000 households / ~40,000 members from the demo generator, written
// as a national-export-style .xlsx, then imported through the real backend (preview → commit), then
// imported again (must change nothing), then exported. Compares with exceljs merely reading the file,
// and measures the longest event-loop stall (how long other clerks' requests would wait).
//
//   npx tsx bench/import-10k.ts [households=10000]
// On a shared machine wall time depends on load; the process CPU time is printed beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { demoVillages, generateHouseholds } from '../electron/backend/demo/generator';
import { createBackend } from '../electron/backend/index';
import type { Session } from '../electron/backend/context';

const HOUSEHOLDS = Number(process.argv[2] ?? 10_000);
const HEADER = ['户编号', '行政村', '村民小组', '户主姓名', '姓名', '证件号码', '与户主关系', '民族', '文化程度', '在校生状况', '健康状况', '劳动技能', '务工地点', '务工时间（月）', '户类型', '联系电话', '耕地面积（亩）'];

async function buildRoster(): Promise<{ bytes: Buffer; members: number; villages: ReturnType<typeof demoVillages> }> {
  const options = { seed: 7, households: HOUSEHOLDS, villages: 8, year: 2025 };
  const villages = demoVillages(options);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['县级防返贫监测户花名册（基准测试）']).commit();
  ws.addRow(HEADER).commit();
  let members = 0;
  for (const h of generateHouseholds(options, villages)) {
    const v = villages[h.villageIndex];
    for (const m of h.members) {
      members += 1;
      const school = m.schoolStage ? `${m.schoolStage}${m.schoolGrade ?? ''}年级` : '';
      ws.addRow([h.householdNo, v.name, v.groups[h.groupIndex], h.members[0].name, m.name, m.idNumber, m.relation, '汉族', '初中', school, m.health, m.labourSkill ?? '', m.workPlace ?? '', m.workMonths ?? null, h.householdType, h.phone, h.farmlandMu ?? null]).commit();
    }
  }
  ws.commit();
  await wb.commit();
  await new Promise((r) => out.end(r));
  return { bytes: Buffer.concat(chunks), members, villages };
}

/** Longest gap between 5 ms ticks while `work` runs = the worst stall other requests would see. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  let last = performance.now();
  let worst = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    // A stall that ends with the work itself would otherwise never reach a tick.
    worst = Math.max(worst, performance.now() - last);
    clearInterval(tick);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(`${label.padEnd(44)} wall ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s  cpu ${cpuSeconds.toFixed(2).padStart(6)} s  longest stall ${worst.toFixed(0).padStart(6)} ms`);
  }
}

async function main(): Promise<void> {
  const roster = await timed('generate + write .xlsx (exceljs stream writer)', buildRoster);
  console.log(`roster: ${HOUSEHOLDS} households, ${roster.members} members, ${(roster.bytes.length / 1048576).toFixed(1)} MB`);

  await timed('exceljs streaming read only (all rows)', async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([roster.bytes]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
    let rows = 0;
    for await (const sheet of reader) for await (const _row of sheet) rows += 1;
    return rows;
  });
  await timed('exceljs xlsx.load (whole workbook in memory)', async () => new ExcelJS.Workbook().xlsx.load(roster.bytes as unknown as ArrayBuffer));

  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-bench-import-'));
  const backend = await createBackend({ dataDir, adminPassword: 'Bench-Passw0rd!', log: { error: (m, e) => console.error(m, e), warn: () => {} } });
  try {
    const login = await backend.dispatch('auth.login', { username: 'admin', password: 'Bench-Passw0rd!' }, null);
    if (!login.ok) throw new Error(login.error.message);
    const session = backend.authenticate((login.value as { token: string }).token) as Session;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await backend.dispatch(method, input, session);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    const township = await call<{ id: string }>('divisions.save', { level: 'township', name: '基准镇' });
    for (const v of roster.villages) {
      const village = await call<{ id: string }>('divisions.save', { level: 'village', name: v.name, parentId: township.id });
      for (const g of v.groups) await call('divisions.save', { level: 'group', name: g, parentId: village.id });
    }
    let events = 0;
    backend.on('job.progress', () => (events += 1));
    const put = () => backend.services.files.put(roster.bytes, { originalName: 'bench.xlsx', kind: 'upload', at: new Date().toISOString() }).id;

    type Preview = { previewId: string; counts: { households: Record<string, number>; errors: number } };
    const first = await timed('import preview (parse, check, stage)', () => call<Preview>('imports.roster.preview', { file: put() }));
    console.log('  counts', JSON.stringify(first.counts.households), 'errors', first.counts.errors, 'progress events so far', events);
    await timed('import commit (backup + one transaction)', () => call('imports.roster.commit', { previewId: first.previewId }));
    const second = await timed('re-import preview (same file)', () => call<Preview>('imports.roster.preview', { file: put() }));
    console.log('  counts', JSON.stringify(second.counts.households));
    await timed('re-import commit (nothing to write)', () => call('imports.roster.commit', { previewId: second.previewId }));
    await timed('export households (masked)', () => call('exports.register', { view: 'households', filter: {} }));
    await timed('export members (unmasked)', () => call('exports.register', { view: 'members', filter: {}, masked: false, purpose: '基准测试' }));
    console.log(`progress events emitted: ${events}`);
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
