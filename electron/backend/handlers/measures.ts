import type { HouseholdCheck, HouseholdFindings, MeasureInput } from '../../../shared/api/methods/measures';
import { checkAssistanceRules, isLabourCapable, type HouseholdFacts } from '../../../shared/domain/assistanceRules';
import { FINDING_CODES, MEASURE_STATUS_LABELS, type MeasureStatus } from '../../../shared/domain/assistanceTerms';
import { validateMeasure } from '../../../shared/domain/assistanceValidation';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, notFound, validationError, workflowRule } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as facts from '../repos/assistanceFacts';
import { getHouseholdRow } from '../repos/households';
import * as repo from '../repos/measures';
import type { HandlerTable } from './types';

const MEASURE_LABELS: Record<string, string> = {
  category: '帮扶措施类别',
  item: '措施子项',
  priority: '八个优先',
  content: '措施内容',
  responsibleUnit: '责任单位',
  responsiblePerson: '责任人',
  plannedStart: '计划开始日期',
  plannedEnd: '计划结束日期',
  actualStart: '实际开始日期',
  actualEnd: '实际结束日期',
  amountFen: '金额（分）',
  status: '状态',
  effect: '帮扶成效',
};

export const measuresHandlers: HandlerTable = {
  'measures.save': (ctx, input) => saveMeasure(ctx, input),

  'measures.remove': (ctx, { id, rowVersion, reason }) => {
    const before = repo.getMeasure(ctx.db, id);
    if (!before) throw notFound('该帮扶措施');
    ctx.assertVillageInScope(before.villageId);
    if (before.rowVersion !== rowVersion) throw conflict('该措施已被他人修改，请刷新后再删除。');
    repo.tombstoneMeasure(ctx.db, id, ctx.nowIso(), ctx.user().username);
    ctx.audit({ action: 'delete', entity: 'measure', entityId: id, householdId: before.householdId, summary: `删除帮扶措施「${before.content}」（${before.headName}户），原因：${reason}`, changes: diffFields(before, null, MEASURE_LABELS) });
    ctx.change('measure', id, before.rowVersion + 1, 'delete', { id, reason });
    return { id };
  },

  'measures.list': (ctx, input) => repo.listMeasures(ctx.db, input.filter, input.sort, input.startRow, input.endRow, ctx.user().scope),

  'measures.findings': (ctx, { filter, startRow, endRow }) => {
    const all = cachedFindings(ctx, filter.villageId);
    const counts: Record<string, number> = Object.fromEntries(FINDING_CODES.map((c) => [c, 0]));
    for (const h of all) for (const code of new Set(h.findings.map((f) => f.code))) counts[code] += 1;
    const rows = filter.findingCode ? all.filter((h) => h.findings.some((f) => f.code === filter.findingCode)) : all;
    return { rows: rows.slice(startRow, Math.max(startRow, endRow)), total: rows.length, counts };
  },

  'measures.check': (ctx, { householdId }) => householdCheck(ctx, householdId),

  'measures.setLabourIntent': (ctx, { householdId, willing, reason }) => {
    const household = requireHousehold(ctx, householdId);
    const why = (reason ?? '').trim();
    if (!willing && !why) throw validationError([{ path: 'reason', message: '登记“无劳动意愿”时，请在「原因」中写明具体情况（例如：长期照料重病家人）。' }]);
    const before = facts.labourIntentsOf(ctx.db, [householdId]).get(householdId);
    facts.upsertLabourIntent(ctx.db, householdId, willing, why, ctx.nowIso(), ctx.user().username);
    const label = (w: boolean | undefined) => (w === undefined ? '未登记' : w ? '有劳动意愿' : '无劳动意愿');
    ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'labourIntent',
      entityId: householdId,
      householdId,
      summary: `登记「${household.head_name as string}」户劳动意愿：${label(willing)}${why ? `（${why}）` : ''}`,
      changes: diffFields(before ? { willing: label(before.willing), reason: before.reason } : null, { willing: label(willing), reason: why }, { willing: '劳动意愿', reason: '原因' }),
    });
    ctx.change('labourIntent', householdId, (before?.rowVersion ?? 0) + 1, 'upsert', { householdId, willing, reason: why });
    return householdCheck(ctx, householdId);
  },
};

function requireHousehold(ctx: HandlerContext, householdId: string): Record<string, unknown> {
  const household = getHouseholdRow(ctx.db, householdId);
  if (!household) throw validationError([{ path: 'householdId', message: '「农户」不存在或已被删除，请刷新后重新选择。' }]);
  ctx.assertVillageInScope(household.village_id as string);
  return household;
}

function saveMeasure(ctx: HandlerContext, input: MeasureInput) {
  const household = requireHousehold(ctx, input.householdId);
  if (household.status === 'cancelled') throw workflowRule('该户已注销，不能再登记帮扶措施。');
  const issues = validateMeasure(input, ctx.profile(), chinaDate(ctx.now()));
  if (issues.length) throw validationError(issues);
  const before = input.id ? repo.getMeasure(ctx.db, input.id) : undefined;
  if (input.id && !before) throw notFound('该帮扶措施');
  if (before && before.householdId !== input.householdId) throw validationError([{ path: 'householdId', message: '该措施属于另一户，不能改到本户名下。请在本户新建措施。' }]);
  if (before && input.rowVersion && input.rowVersion !== before.rowVersion) throw conflict('该措施已被他人修改，请刷新后再改（您的修改未保存）。');
  const write: repo.MeasureWrite = {
    id: before?.id ?? ctx.ids.newId(),
    householdId: input.householdId,
    category: input.category,
    item: input.item || null,
    priority: input.priority || null,
    content: input.content,
    responsibleUnit: input.responsibleUnit ?? '',
    responsiblePerson: input.responsiblePerson ?? '',
    plannedStart: input.plannedStart ?? null,
    plannedEnd: input.plannedEnd ?? null,
    actualStart: input.actualStart ?? null,
    actualEnd: input.actualEnd ?? null,
    amountFen: input.amountFen ?? null,
    status: input.status,
    effect: input.effect ?? '',
  };
  const by = ctx.user().username;
  if (before) repo.updateMeasure(ctx.db, write, ctx.nowIso(), by);
  else repo.insertMeasure(ctx.db, write, ctx.nowIso(), by);
  const after = repo.getMeasure(ctx.db, write.id)!;
  const category = ctx.profile().enums.measureCategories.find((c) => c.key === after.category)?.label ?? after.category;
  ctx.audit({
    action: before ? 'update' : 'create',
    entity: 'measure',
    entityId: after.id,
    householdId: after.householdId,
    summary: `${before ? '修改' : '新增'}帮扶措施「${category}：${after.content}」（${after.headName}户，${MEASURE_STATUS_LABELS[after.status]}）`,
    changes: diffFields(before ?? null, after, MEASURE_LABELS),
  });
  ctx.change('measure', after.id, after.rowVersion, 'upsert', { ...after, headName: undefined, villageName: undefined });
  return after;
}

/**
 * The findings of the caller's monitored households, kept until the database changes: the worklist pages and
 * filters one result, and on a county (12k monitored households) working it out takes ~0.3 s a call
 * (bench/probes/county-read-sweep.ts). The version is this connection's total_changes() (every write the
 * backend makes) with data_version (a commit by any other connection); the key adds the day, the scope and
 * the village. One entry per connection: a restore swaps the connection and so drops it.
 */
const findingsCache = new WeakMap<object, { key: string; value: HouseholdFindings[] }>();

function cachedFindings(ctx: HandlerContext, villageId: string | undefined): HouseholdFindings[] {
  const version = ctx.db.prepare(`SELECT total_changes() AS n`).get() as { n: number };
  const key = JSON.stringify([version.n, ctx.db.pragma('data_version', { simple: true }), chinaDate(ctx.now()), ctx.user().scope, villageId ?? null]);
  const hit = findingsCache.get(ctx.db);
  if (hit?.key === key) return hit.value;
  const value = householdFindings(ctx, facts.monitoredHouseholds(ctx.db, ctx.user().scope, { villageId }));
  findingsCache.set(ctx.db, { key, value });
  return value;
}

/** Rule findings of households, households without findings left out. */
function householdFindings(ctx: HandlerContext, households: facts.MonitoredHousehold[]): HouseholdFindings[] {
  const today = chinaDate(ctx.now());
  const all = factsFor(ctx, households);
  return households.flatMap((h) => {
    const findings = checkAssistanceRules(all.get(h.id)!, ctx.profile(), today);
    if (!findings.length) return [];
    return [{ householdId: h.id, headName: h.headName, villageId: h.villageId, villageName: h.villageName, colour: h.colour, monitoredSince: h.monitoredSince, findings }];
  });
}

function factsFor(ctx: HandlerContext, households: facts.MonitoredHousehold[]): Map<string, HouseholdFacts> {
  const ids = households.map((h) => h.id);
  const skills = facts.labourSkillsOf(ctx.db, ids);
  const intents = facts.labourIntentsOf(ctx.db, ids);
  const measures = facts.measureFactsOf(ctx.db, ids);
  return new Map(
    households.map((h) => [
      h.id,
      {
        status: h.status,
        monitoredSince: h.monitoredSince,
        riskTypes: h.riskTypes,
        flags: h.flags,
        labourSkills: skills.get(h.id) ?? [],
        labourWilling: intents.get(h.id)?.willing ?? null,
        measures: (measures.get(h.id) ?? []).map((m) => ({ ...m, status: m.status as MeasureStatus })),
      },
    ]),
  );
}

function householdCheck(ctx: HandlerContext, householdId: string): HouseholdCheck {
  requireHousehold(ctx, householdId);
  const [h] = facts.monitoredHouseholds(ctx.db, ctx.user().scope, { householdId });
  const f = factsFor(ctx, [h]).get(h.id)!;
  const intent = facts.labourIntentsOf(ctx.db, [householdId]).get(householdId);
  return {
    householdId,
    checked: h.status === 'monitoring',
    labourCapable: isLabourCapable(f, ctx.profile()),
    labourWilling: intent?.willing ?? null,
    labourReason: intent?.reason ?? '',
    findings: checkAssistanceRules(f, ctx.profile(), chinaDate(ctx.now())),
  };
}
