import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { addHousehold, count, markMonitored, upload } from './support';

// The fixed clock reads 2026-11-29 (China time): November is not over, October is.
describe('assistance: measures, cadres, visits, coverage, escalation', () => {
  let t: TestBackend;
  let villageId: string;
  let zhang: string; // monitored 2026-10-15, 因病, labour-capable
  let li: string; // monitored 2026-10-01, never visited
  let wang: string; // monitored 2026-07-01, risk still open > 3 months
  beforeEach(async () => {
    t = await startTestBackend();
    ({ villageId } = await seedVillage(t));
    zhang = await addHousehold(t, villageId, '张建国');
    li = await addHousehold(t, villageId, '李秀兰', '无劳动力');
    wang = await addHousehold(t, villageId, '王德发', '丧失劳动力');
    markMonitored(t, zhang, '2026-10-15', ['因病']);
    markMonitored(t, li, '2026-10-01', ['因缺劳动力']);
    markMonitored(t, wang, '2026-07-01', ['因灾'], 'orange');
  });
  afterEach(() => t.close());

  it('a 就业 measure, two monthly visits (one re-grading the colour), then coverage shows the household visited', async () => {
    const before = await t.call('measures.check', { householdId: zhang });
    expect(before.findings.map((f) => f.code).sort()).toEqual(['developmentMeasureMissing', 'noMeasureDelivered', 'riskMeasureMissing']);

    const measure = await t.call('measures.save', {
      householdId: zhang,
      category: 'employment',
      item: '劳务输出',
      priority: '优先安排教育培训（含就业帮扶）',
      content: '联系县劳务公司，安排到浙江务工',
      responsibleUnit: '青山镇人社所',
      responsiblePerson: '赵干事',
      actualStart: '2026-11-01',
      amountFen: 150_000,
      status: 'implemented',
    });
    expect(measure.amountFen).toBe(150_000);
    const after = await t.call('measures.check', { householdId: zhang });
    expect(after.findings.map((f) => f.code)).toEqual(['riskMeasureMissing']);
    expect(after.findings[0].risk).toBe('因病');

    const cadre = await t.call('cadres.save', { name: '周干部', unit: '县农业农村局', phone: '13900001111' });
    const pairing = await t.call('cadres.assign', { cadreId: cadre.id, householdId: zhang, startDate: '2026-10-16' });
    expect(pairing.headName).toBe('张建国');
    expect((await t.call('cadres.list', {})).find((c) => c.id === cadre.id)?.householdCount).toBe(1);

    await t.call('followups.save', { householdId: zhang, visitDate: '2026-10-20', visitors: ['周干部'], cadreIds: [cadre.id], visitMethod: 'home', findings: '病情稳定，已申请医疗救助', satisfaction: 'satisfied' });
    const photo = upload(t, '入户照片.jpg');
    const second = await t.call('followups.save', {
      householdId: zhang,
      visitDate: '2026-11-10',
      visitors: ['周干部', '村书记'],
      visitMethod: 'home',
      findings: '户主住院，自付费用高',
      incomeChange: '务工中断两个月',
      incomeChangeFen: -600_000,
      newRisks: ['因意外事故'],
      satisfaction: 'basicallySatisfied',
      colourAfter: 'red',
      photoTokens: [photo],
    });
    expect(second.colourBefore).toBe('yellow');
    expect(second.colourAfter).toBe('red');
    expect(second.photos).toEqual([{ fileId: photo, name: '入户照片.jpg', mime: 'image/jpeg' }]);
    expect((await t.call('households.get', { id: zhang })).colour).toBe('red');
    expect(count(t, `SELECT count(*) AS n FROM files WHERE id = ? AND household_id = ? AND kind = 'attachment'`, photo, zhang)).toBe(1);
    const regrade = (await t.call('audit.list', { filter: { householdId: zhang, entity: 'household' } })).rows.find((a) => a.summary.includes('走访调整'));
    expect(regrade?.changes).toEqual([{ field: 'colour', label: '风险颜色', old: '黄色', new: '红色' }]);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'household' AND entity_id = ? AND data LIKE '%"colour":"red"%'`, zhang)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity IN ('cadre', 'cadreAssignment', 'followup', 'measure')`)).toBe(5);
    const grades = await t.call('assessments.list', { householdId: zhang });
    expect(grades.grades).toEqual([expect.objectContaining({ date: '2026-11-10', colour: 'red', previousColour: 'yellow', source: 'followup', sourceId: second.id })]);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'household_grade'`)).toBe(1);

    // Back-filling an older visit with another colour records it on the visit but leaves the current grade alone.
    const old = await t.call('followups.save', { householdId: zhang, visitDate: '2026-10-25', visitors: ['周干部'], visitMethod: 'phone', findings: '补录', colourAfter: 'blue' });
    expect(old.colourAfter).toBe('blue');
    expect((await t.call('households.get', { id: zhang })).colour).toBe('red');

    const nov = await t.call('followups.coverage', { month: '2026-11' });
    expect(nov.households.rows.find((r) => r.householdId === zhang)).toMatchObject({ state: 'visited', visitsInMonth: 1, lastVisit: '2026-11-10', cadreNames: ['周干部'] });
    expect(nov.byCadre.find((c) => c.cadreId === cadre.id)).toMatchObject({ due: 1, visited: 1, overdue: 0 });
    expect(nov.satisfaction).toEqual({ satisfied: 0, basicallySatisfied: 1, dissatisfied: 0 });
    const oct = await t.call('followups.coverage', { month: '2026-10' });
    expect(oct.households.rows.find((r) => r.householdId === zhang)?.state).toBe('visited');

    const visits = await t.call('followups.list', { filter: { householdId: zhang } });
    expect(visits.rows.map((v) => v.visitDate)).toEqual(['2026-11-10', '2026-10-25', '2026-10-20']);
  });

  it('a household with no visit is still to visit this month, overdue once the month has ended', async () => {
    const nov = await t.call('followups.coverage', { month: '2026-11', visitState: 'pending' });
    expect(nov.households.rows.map((r) => r.headName).sort()).toEqual(['张建国', '李秀兰', '王德发'].sort());
    expect(nov.totals).toEqual({ due: 3, visited: 0, pending: 3, overdue: 0 });

    const oct = await t.call('followups.coverage', { month: '2026-10' });
    expect(oct.households.rows.find((r) => r.householdId === li)?.state).toBe('overdue');
    expect(oct.byVillage).toEqual([expect.objectContaining({ villageId, due: 3, overdue: 3 })]);
    expect(oct.byCadre).toEqual([expect.objectContaining({ cadreId: null, cadreName: '未安排帮扶干部', due: 3 })]);

    t.clock.set('2026-12-01T01:00:00.000Z');
    const novLater = await t.call('followups.coverage', { month: '2026-11', visitState: 'overdue' });
    expect(novLater.households.total).toBe(3);
  });

  it('a household identified more than 3 months ago with its risk open is on the escalation list', async () => {
    const list = await t.call('followups.escalations', {});
    expect(list.asOf).toBe('2026-11-29');
    expect(list.rows.map((r) => r.householdId)).toEqual([wang]);
    expect(list.rows[0]).toMatchObject({ monitoredSince: '2026-07-01', escalatedOn: '2026-10-01', monthsOpen: 4, deliveredMeasures: 0, lastVisit: null });
    // As of the end of September the 3 months had not yet passed.
    expect((await t.call('followups.escalations', { month: '2026-09' })).total).toBe(0);
    // Once the risk is eliminated the household leaves the list (status set as the procedures module will).
    t.backend.services.db.prepare(`UPDATE households SET status = 'eliminated' WHERE id = ?`).run(wang);
    expect((await t.call('followups.escalations', {})).total).toBe(0);
  });

  it('the worklist lists rule findings across households, filterable by finding', async () => {
    const all = await t.call('measures.findings', {});
    expect(all.rows.map((r) => r.headName).sort()).toEqual(['张建国', '李秀兰', '王德发'].sort());
    expect(all.counts.developmentMeasureMissing).toBe(1);
    const dev = await t.call('measures.findings', { filter: { findingCode: 'developmentMeasureMissing' } });
    expect(dev.rows.map((r) => r.householdId)).toEqual([zhang]);
    await t.call('measures.setLabourIntent', { householdId: zhang, willing: false, reason: '长期照料卧床老人' });
    expect((await t.call('measures.findings', { filter: { findingCode: 'developmentMeasureMissing' } })).total).toBe(0);
  });

  it('the worklist is kept between calls but worked out again after any write, and on another day', async () => {
    const codesOf = (r: { rows: { householdId: string; findings: { code: string }[] }[] }, id: string) => r.rows.find((x) => x.householdId === id)?.findings.map((f) => f.code) ?? [];
    const first = await t.call('measures.findings', {});
    expect(await t.call('measures.findings', {})).toEqual(first);
    expect(codesOf(first, wang)).toContain('noMeasureDelivered');
    // Two weeks after 王德发 was taken into monitoring no measure was due yet.
    t.clock.set('2026-07-15T02:00:00.000Z');
    expect(codesOf(await t.call('measures.findings', {}), wang)).not.toContain('noMeasureDelivered');
    t.clock.set('2026-11-29T02:00:00.000Z');
    expect(codesOf(await t.call('measures.findings', {}), wang)).toContain('noMeasureDelivered');
    // A write outside any handler counts too (total_changes of the connection).
    t.backend.services.db.prepare(`UPDATE households SET status = 'eliminated' WHERE id = ?`).run(wang);
    expect((await t.call('measures.findings', {})).rows.map((r) => r.householdId)).not.toContain(wang);
  });

  it('refuses bad input with Chinese messages naming the field, writing nothing', async () => {
    const audits = count(t, `SELECT count(*) AS n FROM audit_log`);
    const base = { householdId: zhang, content: '医疗救助', status: 'planned' as const };
    const wrongCategory = await t.fail('measures.save', { ...base, category: 'lottery' });
    expect(wrongCategory.code).toBe('validation');
    expect(wrongCategory.message).toContain('「帮扶措施类别」');
    const noStart = await t.fail('measures.save', { ...base, category: 'health', status: 'implemented' });
    expect(noStart.message).toContain('「实际开始日期」');
    const backwards = await t.fail('measures.save', { ...base, category: 'health', plannedStart: '2026-12-10', plannedEnd: '2026-12-01' });
    expect(backwards.message).toContain('「计划结束日期」不能早于「计划开始日期」');
    const future = await t.fail('followups.save', { householdId: zhang, visitDate: '2026-11-30', visitors: ['周干部'], visitMethod: 'phone', findings: '电话回访' });
    expect(future.message).toContain('「走访日期」不能晚于今天');
    const noVisitor = await t.fail('followups.save', { householdId: zhang, visitDate: '2026-11-20', visitors: [], visitMethod: 'phone', findings: '电话回访' });
    expect(noVisitor.message).toContain('「走访人」');
    const notPhoto = t.backend.services.files.put(new Uint8Array([1, 2]), { originalName: '名单.xlsx', kind: 'upload', createdBy: 'admin', at: t.clock.now().toISOString() }).id;
    const badPhoto = await t.fail('followups.save', { householdId: zhang, visitDate: '2026-11-20', visitors: ['周干部'], visitMethod: 'home', findings: '入户', photoTokens: [notPhoto] });
    expect(badPhoto.message).toContain('「走访照片」');
    const othersPhoto = upload(t, 'x.jpg', 'someone-else');
    expect((await t.fail('followups.save', { householdId: zhang, visitDate: '2026-11-20', visitors: ['周干部'], visitMethod: 'home', findings: '入户', photoTokens: [othersPhoto] })).message).toContain('不是您上传');
    const unwilling = await t.fail('measures.setLabourIntent', { householdId: zhang, willing: false });
    expect(unwilling.message).toContain('「原因」');
    const cadre = await t.call('cadres.save', { name: '周干部' });
    const badPeriod = await t.fail('cadres.assign', { cadreId: cadre.id, householdId: zhang, startDate: '2026-11-01', endDate: '2026-10-01' });
    expect(badPeriod.message).toContain('「结对结束日期」不能早于「结对开始日期」');
    // Only the cadre creation wrote anything.
    expect(count(t, `SELECT count(*) AS n FROM audit_log`)).toBe(audits + 1);
    expect(count(t, `SELECT count(*) AS n FROM measures`)).toBe(0);
    expect(count(t, `SELECT count(*) AS n FROM followups`)).toBe(0);
  });

  it('every write leaves audit and change-log rows; village accounts stay in their villages', async () => {
    const m = await t.call('measures.save', { householdId: li, category: 'socialSecurity', item: '低保', content: '纳入农村低保', status: 'planned', plannedStart: '2026-12-01' });
    const edited = await t.call('measures.save', { id: m.id, rowVersion: m.rowVersion, householdId: li, category: 'socialSecurity', item: '低保', content: '纳入农村低保', status: 'implemented', actualStart: '2026-11-20' });
    expect(edited.rowVersion).toBe(2);
    const stale = await t.fail('measures.save', { id: m.id, rowVersion: 1, householdId: li, category: 'socialSecurity', content: '纳入农村低保', status: 'planned' });
    expect(stale.code).toBe('conflict');
    const v = await t.call('followups.save', { householdId: li, visitDate: '2026-11-02', visitors: ['村书记'], visitMethod: 'phone', findings: '电话了解近况' });
    await t.call('followups.remove', { id: v.id, rowVersion: v.rowVersion, reason: '重复录入' });
    await t.call('measures.remove', { id: m.id, rowVersion: edited.rowVersion, reason: '录错户' });

    const audit = await t.call('audit.list', { filter: { householdId: li } });
    const seen = audit.rows.map((a) => `${a.entity}:${a.action}`);
    expect(seen).toEqual(expect.arrayContaining(['measure:create', 'measure:update', 'measure:delete', 'followup:create', 'followup:delete']));
    const statusChange = audit.rows.find((a) => a.entity === 'measure' && a.action === 'update')!.changes.find((c) => c.field === 'status');
    expect(statusChange).toMatchObject({ old: 'planned', new: 'implemented' });
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'measure' AND entity_id = ?`, m.id)).toBe(3);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'followup' AND entity_id = ? AND op = 'delete'`, v.id)).toBe(1);
    expect((await t.call('followups.list', { filter: { householdId: li } })).total).toBe(0);

    const villager = { ...t.admin, role: 'village' as const, username: 'cun', scope: { kind: 'villages' as const, villageIds: ['another-village'] } };
    const denied = await t.fail('followups.save', { householdId: li, visitDate: '2026-11-02', visitors: ['村书记'], visitMethod: 'phone', findings: '电话' }, villager);
    expect(denied.code).toBe('permission');
    expect((await t.call('followups.coverage', { month: '2026-11' }, villager)).totals.due).toBe(0);
  });
});
