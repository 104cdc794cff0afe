import { validatePeriod } from '../../../shared/domain/assistanceValidation';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, notFound, validationError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as repo from '../repos/cadres';
import { getHouseholdRow } from '../repos/households';
import type { HandlerTable } from './types';

const CADRE_LABELS: Record<string, string> = { name: '姓名', unit: '工作单位', position: '职务', phone: '联系电话', active: '在岗' };
const ASSIGNMENT_LABELS: Record<string, string> = { cadreName: '帮扶干部', startDate: '结对开始日期', endDate: '结对结束日期' };

const today = (ctx: HandlerContext) => chinaDate(ctx.now());

export const cadresHandlers: HandlerTable = {
  'cadres.save': (ctx, input) => {
    const before = input.id ? repo.getCadre(ctx.db, input.id, today(ctx)) : undefined;
    if (input.id && !before) throw notFound('该帮扶干部');
    if (before && input.rowVersion && input.rowVersion !== before.rowVersion) throw conflict('该干部信息已被他人修改，请刷新后再改（您的修改未保存）。');
    const write: repo.CadreWrite = {
      id: before?.id ?? ctx.ids.newId(),
      name: input.name,
      unit: input.unit ?? '',
      position: input.position ?? '',
      phone: (input.phone ?? '').trim(),
      active: input.active ?? before?.active ?? true,
    };
    if (before) repo.updateCadre(ctx.db, write, ctx.nowIso(), ctx.user().username);
    else repo.insertCadre(ctx.db, write, ctx.nowIso(), ctx.user().username);
    const after = repo.getCadre(ctx.db, write.id, today(ctx))!;
    ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'cadre',
      entityId: after.id,
      summary: `${before ? '修改' : '新增'}结对帮扶干部「${after.name}」${after.unit ? `（${after.unit}）` : ''}`,
      changes: diffFields(before ?? null, after, CADRE_LABELS),
    });
    ctx.change('cadre', after.id, after.rowVersion, 'upsert', { ...after, householdCount: undefined });
    return after;
  },

  'cadres.list': (ctx, input) => repo.listCadres(ctx.db, today(ctx), input.search, input.includeInactive),

  'cadres.assign': (ctx, { cadreId, householdId, startDate, endDate }) => {
    const cadre = repo.getCadre(ctx.db, cadreId, today(ctx));
    if (!cadre) throw validationError([{ path: 'cadreId', message: '「帮扶干部」不存在，请刷新后重新选择。' }]);
    if (!cadre.active) throw validationError([{ path: 'cadreId', message: `「${cadre.name}」已标记为不在岗，不能安排新的结对。如已返岗，请先修改干部信息。` }]);
    const household = getHouseholdRow(ctx.db, householdId);
    if (!household) throw validationError([{ path: 'householdId', message: '「农户」不存在或已被删除，请刷新后重新选择。' }]);
    ctx.assertVillageInScope(household.village_id as string);
    const issues = validatePeriod(startDate, endDate);
    if (issues.length) throw validationError(issues);
    const overlap = repo.overlappingAssignment(ctx.db, cadreId, householdId, startDate, endDate ?? null);
    if (overlap) {
      throw conflict(`「${cadre.name}」与「${overlap.headName}」户已有结对（${overlap.startDate} 至 ${overlap.endDate ?? '今'}），时间段重叠，未保存。`, {
        issues: [{ path: 'startDate', message: '与已有结对时间段重叠，请调整「结对开始日期」。' }],
      });
    }
    const id = ctx.ids.newId();
    repo.insertAssignment(ctx.db, { id, cadreId, householdId, startDate, endDate: endDate ?? null }, ctx.nowIso(), ctx.user().username);
    const after = repo.getAssignment(ctx.db, id)!;
    ctx.audit({ action: 'create', entity: 'cadreAssignment', entityId: id, householdId, summary: `安排结对帮扶干部「${cadre.name}」帮扶「${after.headName}」户（自 ${startDate} 起）`, changes: diffFields(null, after, ASSIGNMENT_LABELS) });
    ctx.change('cadreAssignment', id, after.rowVersion, 'upsert', { id, cadreId, householdId, startDate, endDate: after.endDate });
    return after;
  },

  'cadres.unassign': (ctx, { assignmentId, endDate }) => {
    const before = repo.getAssignment(ctx.db, assignmentId);
    if (!before) throw notFound('该结对记录');
    ctx.assertVillageInScope(before.villageId);
    const issues = validatePeriod(before.startDate, endDate);
    if (issues.length) throw validationError(issues);
    repo.endAssignment(ctx.db, assignmentId, endDate, ctx.nowIso(), ctx.user().username);
    const after = repo.getAssignment(ctx.db, assignmentId)!;
    ctx.audit({ action: 'update', entity: 'cadreAssignment', entityId: assignmentId, householdId: before.householdId, summary: `结束「${before.cadreName}」与「${before.headName}」户的结对（${endDate}）`, changes: diffFields(before, after, ASSIGNMENT_LABELS) });
    ctx.change('cadreAssignment', assignmentId, after.rowVersion, 'upsert', { id: assignmentId, cadreId: after.cadreId, householdId: after.householdId, startDate: after.startDate, endDate });
    return after;
  },

  'cadres.assignments': (ctx, filter) => repo.listAssignments(ctx.db, ctx.user().scope, filter),
};
