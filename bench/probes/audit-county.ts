import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../../electron/backend/index';
import { openDatabase } from '../../electron/backend/db/connection';
import { exportAudit } from '../../electron/backend/backup/auditExport';
import { listAudit, type AuditFilter } from '../../electron/backend/repos/audit';
import { COUNTY_FULL } from '../countyData';
import { ensureCountyDb, workingCopy } from '../county';
import { watchMainThread } from '../stallWatch';

// Probe: the 审计日志 view (audit.list) on a county database whose audit_log holds what importing every
// township's roster writes (one row per household and per member, ~1.3M rows) plus a year of clerk edits.
// The cached fixture has no audit rows; a working copy gets them once (bench/.data/run/audit-probe).
// Then audit.export of a year (2026: ~100k rows) through exportAudit, with the main thread's longest block.
// Usage: npx tsx bench/probes/audit-county.ts [reps=3]

const reps = Number(process.argv[2] ?? 3);
const county = await ensureCountyDb(COUNTY_FULL);
const dir = join(county.dataDir, '..', 'run', 'audit-probe');
if (!existsSync(join(dir, 'filled'))) {
  workingCopy(county, 'audit-probe');
  const db = openDatabase(join(dir, DB_FILE));
  const t0 = performance.now();
  db.exec(`
    INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, household_id, summary, changes)
    SELECT 'ah-' || h.id, '2025-0' || (1 + (h.rowid % 9)) || '-1' || (h.rowid % 10) || 'T02:00:00.000Z', 'u-' || (h.rowid % 31), 'clerk' || (h.rowid % 31), 'create', 'household', h.id, h.id,
      '新建农户「' || h.head_name || '」', json_array(json_object('field','headName','label','户主姓名','old',null,'new',h.head_name), json_object('field','villageId','label','行政村','old',null,'new',h.village_id), json_object('field','householdType','label','户类型','old',null,'new',h.household_type), json_object('field','address','label','住址','old',null,'new','某某乡某某村某某组某号'))
    FROM households h;
    INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, household_id, summary, changes)
    SELECT 'am-' || m.id, '2025-0' || (1 + (h.rowid % 9)) || '-1' || (h.rowid % 10) || 'T02:00:00.000Z', 'u-' || (h.rowid % 31), 'clerk' || (h.rowid % 31), 'create', 'member', m.id, m.household_id,
      '新增成员「' || m.name || '」', json_array(json_object('field','name','label','姓名','old',null,'new',m.name), json_object('field','idNumber','label','证件号码','old',null,'new',m.id_number), json_object('field','relation','label','与户主关系','old',null,'new',m.relation), json_object('field','sex','label','性别','old',null,'new',m.sex), json_object('field','birthDate','label','出生日期','old',null,'new',m.birth_date), json_object('field','health','label','健康状况','old',null,'new',m.health), json_object('field','education','label','文化程度','old',null,'new',m.education), json_object('field','labourSkill','label','劳动技能','old',null,'new',m.labour_skill), json_object('field','insuredMedical','label','城乡居民基本医疗保险','old',null,'new',m.insured_medical))
    FROM members m JOIN households h ON h.id = m.household_id;
    INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, household_id, summary, changes)
    SELECT 'ae-' || h.id, '2026-' || printf('%02d', 1 + (h.rowid % 11)) || '-0' || (1 + h.rowid % 9) || 'T03:00:00.000Z', 'u-' || (h.rowid % 31), 'clerk' || (h.rowid % 31), 'update', 'household', h.id, h.id,
      '修改农户「' || h.head_name || '」', json_array(json_object('field','phone','label','联系电话','old','13800000000','new','13900000000'))
    FROM households h WHERE h.rowid % 3 = 0;`);
  console.log('filled audit_log in', Math.round(performance.now() - t0), 'ms');
  db.close();
  writeFileSync(join(dir, 'filled'), '');
}
const db = openDatabase(join(dir, DB_FILE), { readonly: true });
console.log('audit rows', (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
const someHousehold = (db.prepare(`SELECT household_id FROM audit_log WHERE seq = 500000`).get() as { household_id: string }).household_id;
const cases: [string, AuditFilter, number][] = [
  ['no filter, page 1', {}, 0],
  ['no filter, page 2', {}, 50],
  ['no filter, last page', {}, -1],
  ['one household', { householdId: someHousehold }, 0],
  ['one user', { userId: 'u-7' }, 0],
  ['one user, page 100', { userId: 'u-7' }, 4950],
  ['entity member', { entity: 'member' }, 0],
  ['entity household', { entity: 'household' }, 0],
  ['entity user (rare)', { entity: 'user' }, 0],
  ['entity backup (none)', { entity: 'backup' }, 0],
  ['one day (import day)', { from: '2025-03-12', to: '2025-03-12' }, 0],
  ['one month', { from: '2026-05-01', to: '2026-05-31' }, 0],
  ['user + month', { userId: 'u-7', from: '2026-05-01', to: '2026-05-31' }, 0],
];
for (const [label, filter, start0] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < reps; i++) {
    let start = start0;
    if (start < 0) start = Math.max(0, listAudit(db, filter, 0, 50).total - 50);
    const t0 = performance.now();
    const r = listAudit(db, filter, start, start + 50);
    times.push(performance.now() - t0);
    total = r.total;
  }
  times.sort((a, b) => a - b);
  console.log(label.padEnd(24), 'median', times[Math.floor(times.length / 2)].toFixed(1).padStart(8), 'ms   total', total);
}

// The export's handler context, reduced to what exportAudit uses (the file is not stored, only its size kept).
const exportCtx = {
  db,
  user: () => ({ username: 'admin', displayName: '管理员' }),
  now: () => new Date('2026-11-29T02:00:00Z'),
  nowIso: () => '2026-11-29T02:00:00Z',
  tx: (f: () => unknown) => f(),
  audit: () => {},
  services: { files: { put: (bytes: Buffer) => ({ id: String(bytes.length) }) } },
} as unknown as Parameters<typeof exportAudit>[0];
const watch = watchMainThread();
const t0 = performance.now();
const exported = await exportAudit(exportCtx, { from: '2026-01-01', to: '2026-12-31' });
const { longestBlockMs } = watch.stop();
console.log(`export 2026: ${exported.rows} rows in ${Math.round(performance.now() - t0)} ms, longest main-thread block ${longestBlockMs} ms, ${exported.fileId} bytes`);
