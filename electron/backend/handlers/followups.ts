import type { FollowupInput } from '../../../shared/api/methods/followups';
import { VISIT_METHOD_LABELS } from '../../../shared/domain/assistanceTerms';
import type { GradeColour } from '../../../shared/domain/profile';
import { validateFollowup } from '../../../shared/domain/assistanceValidation';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { compareDates } from '../../../shared/domain/deadlines';
import { conflict, DomainError, notFound, validationError, workflowRule, type FieldIssue } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { hasLaterAssessment, insertGrade } from '../repos/assessments';
import * as cadres from '../repos/cadres';
import * as repo from '../repos/followups';
import { updateGrade } from '../repos/householdState';
import { getHousehold, getHouseholdRow } from '../repos/households';
import { followupCoverage, followupEscalations } from './followupCoverage';
import type { HandlerTable } from './types';

const FOLLOWUP_LABELS: Record<string, string> = {
  visitDate: '走访日期',
  visitors: '走访人',
  visitMethod: '走访方式',
  findings: '走访情况',
  incomeChange: '收入变化情况',
  incomeChangeFen: '收入变化金额（分）',
  newRisks: '新发现风险',
  satisfaction: '满意度',
  colourAfter: '调整后风险等级',
  photoFileIds: '走访照片',
};

export const followupsHandlers: HandlerTable = {
  'followups.save': (ctx, input) => saveFollowup(ctx, input),

  'followups.remove': (ctx, { id, rowVersion, reason }) => {
    const before = repo.getFollowup(ctx.db, id);
    if (!before) throw notFound('该走访记录');
    ctx.assertVillageInScope(before.villageId);
    if (before.rowVersion !== rowVersion) throw conflict('该走访记录已被他人修改，请刷新后再删除。');
    repo.tombstoneFollowup(ctx.db, id, ctx.nowIso(), ctx.user().username);
    ctx.audit({ action: 'delete', entity: 'followup', entityId: id, householdId: before.householdId, summary: `删除 ${before.visitDate} 对「${before.headName}」户的走访记录，原因：${reason}` });
    ctx.change('followup', id, before.rowVersion + 1, 'delete', { id, reason });
    return { id };
  },

  'followups.list': (ctx, { filter, startRow, endRow }) => repo.listFollowups(ctx.db, ctx.user().scope, filter, startRow, endRow),

  'followups.coverage': (ctx, input) => followupCoverage(ctx, input),

  'followups.escalations': (ctx, input) => followupEscalations(ctx, input),
};

function saveFollowup(ctx: HandlerContext, input: FollowupInput) {
  const household = getHouseholdRow(ctx.db, input.householdId);
  if (!household) throw validationError([{ path: 'householdId', message: '「农户」不存在或已被删除，请刷新后重新选择。' }]);
  ctx.assertVillageInScope(household.village_id as string);
  if (household.status === 'cancelled') throw workflowRule('该户已注销，不能再登记走访。');
  const before = input.id ? repo.getFollowup(ctx.db, input.id) : undefined;
  if (input.id && !before) throw notFound('该走访记录');
  if (before && before.householdId !== input.householdId) throw validationError([{ path: 'householdId', message: '该走访记录属于另一户，不能改到本户名下。' }]);
  if (before && input.rowVersion && input.rowVersion !== before.rowVersion) throw conflict('该走访记录已被他人修改，请刷新后再改（您的修改未保存）。');

  const issues: FieldIssue[] = [...validateFollowup(input, ctx.profile(), chinaDate(ctx.now())), ...checkCadres(ctx, input.cadreIds ?? [])];
  const photoIds = [...new Set(input.photoTokens ?? [])];
  issues.push(...checkPhotos(ctx, photoIds, input.householdId));
  if (issues.length) throw validationError(issues);

  const id = before?.id ?? ctx.ids.newId();
  const currentColour = (household.colour as string | null) ?? null;
  const colourAfter = input.colourAfter ?? null;
  const regrade = colourAfter !== null && colourAfter !== currentColour && isLatestVisit(ctx, input.householdId, id, input.visitDate);
  if (regrade && !ctx.can('assessment.write')) {
    throw new DomainError('permission', '您的账号没有调整风险等级的权限。请不选「调整后风险等级」保存走访，再请有评估权限的同事调整。');
  }
  const write: repo.FollowupWrite = {
    id,
    householdId: input.householdId,
    visitDate: input.visitDate,
    visitors: input.visitors,
    cadreIds: [...new Set(input.cadreIds ?? [])],
    visitMethod: input.visitMethod,
    findings: input.findings,
    incomeChange: input.incomeChange ?? '',
    incomeChangeFen: input.incomeChangeFen ?? null,
    newRisks: input.newRisks ?? [],
    satisfaction: input.satisfaction ?? null,
    colourBefore: before ? before.colourBefore : currentColour,
    colourAfter,
    photoFileIds: photoIds,
  };
  const at = ctx.nowIso();
  const by = ctx.user().username;
  if (before) repo.updateFollowup(ctx.db, write, at, by);
  else repo.insertFollowup(ctx.db, write, at, by);
  for (const fileId of photoIds) repo.attachToHousehold(ctx.db, fileId, input.householdId);

  const after = repo.getFollowup(ctx.db, id)!;
  ctx.audit({
    action: before ? 'update' : 'create',
    entity: 'followup',
    entityId: id,
    householdId: after.householdId,
    summary: `${before ? '修改' : '登记'}走访：${after.visitDate} ${VISIT_METHOD_LABELS[after.visitMethod]}走访「${after.headName}」户（${after.visitors.join('、')}）${after.photos.length ? `，照片 ${after.photos.length} 张` : ''}`,
    changes: diffFields(before ? { ...before, photoFileIds: before.photos.map((p) => p.fileId) } : null, { ...after, photoFileIds: photoIds }, FOLLOWUP_LABELS),
  });
  ctx.change('followup', id, after.rowVersion, 'upsert', { ...write, rowVersion: after.rowVersion });
  if (regrade) regradeAtVisit(ctx, after.id, input.householdId, currentColour, colourAfter, after.visitDate);
  return repo.getFollowup(ctx.db, id)!;
}

/** A later visit's or a later 三保障评估's grade is not overwritten by editing or back-filling an older visit. */
function isLatestVisit(ctx: HandlerContext, householdId: string, id: string, visitDate: string): boolean {
  const latest = repo.latestOtherVisitDate(ctx.db, householdId, id);
  return (latest === null || compareDates(visitDate, latest) >= 0) && !hasLaterAssessment(ctx.db, householdId, visitDate);
}

function checkCadres(ctx: HandlerContext, ids: string[]): FieldIssue[] {
  const today = chinaDate(ctx.now());
  return ids.flatMap((id, i) => (cadres.getCadre(ctx.db, id, today) ? [] : [{ path: `cadreIds.${i}`, message: `「走访的帮扶干部」第 ${i + 1} 人不存在，请刷新后重新选择。` }]));
}

/** A photo is the caller's own fresh upload (JPG/PNG), or already a photo of this household. */
function checkPhotos(ctx: HandlerContext, ids: string[], householdId: string): FieldIssue[] {
  const me = ctx.user().username;
  return ids.flatMap((id, i): FieldIssue[] => {
    const path = `photoTokens.${i}`;
    const file = repo.fileRow(ctx.db, id);
    if (!file) return [{ path, message: `「走访照片」第 ${i + 1} 张不存在或已过期，请重新上传。` }];
    if (!file.mime.startsWith('image/')) return [{ path, message: `「走访照片」第 ${i + 1} 个文件（${file.originalName}）不是 JPG/PNG 图片，请重新选择。` }];
    const ownUpload = file.kind === 'upload' && file.householdId === null && file.createdBy === me;
    if (!ownUpload && file.householdId !== householdId) return [{ path, message: `「走访照片」第 ${i + 1} 张不是本户的照片或不是您上传的文件，请重新上传。` }];
    return [];
  });
}

/**
 * The colour re-graded at a visit becomes the household's current colour and a row of its grade
 * history (source 'followup'), written the way assessments.save writes its own (registers/assessmentService.ts).
 */
function regradeAtVisit(ctx: HandlerContext, followupId: string, householdId: string, from: string | null, to: GradeColour, visitDate: string): void {
  const labels = ctx.profile().grading.colourLabels as Record<string, string>;
  const label = (c: string | null) => (c ? (labels[c] ?? c) : '未评级');
  const at = ctx.nowIso();
  const by = ctx.user().username;
  const before = getHousehold(ctx.db, householdId)!;
  const grade = { id: ctx.ids.newId(), householdId, date: visitDate, colour: to, previousColour: from as GradeColour | null, reason: `走访调整风险等级（${visitDate}）`, riskTypes: before.riskTypes, source: 'followup', sourceId: followupId };
  insertGrade(ctx.db, grade, at, by);
  ctx.change('household_grade', grade.id, 1, 'upsert', grade);
  updateGrade(ctx.db, householdId, to, before.riskTypes, at, by);
  const after = getHousehold(ctx.db, householdId)!;
  ctx.audit({
    action: 'update',
    entity: 'household',
    entityId: householdId,
    householdId,
    summary: `${visitDate} 走访调整「${after.headName}」户风险颜色：${label(from)} → ${label(to)}`,
    changes: [{ field: 'colour', label: '风险颜色', old: from ? label(from) : null, new: label(to) }],
  });
  ctx.change('household', householdId, after.rowVersion, 'upsert', { ...after, members: undefined, formerMembers: undefined });
}
