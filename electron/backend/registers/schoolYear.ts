import type { ParsedInput } from '../../../shared/api/contract';
import type { SchoolYearItem } from '../../../shared/api/methods/members';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, validationError, type FieldIssue } from '../../../shared/domain/errors';
import { ageOn } from '../../../shared/domain/idCard';
import type { Profile } from '../../../shared/domain/profile';
import { gradeText, proposeForSchoolYear, schoolYearLabel, schoolYearOf } from '../../../shared/domain/schoolYear';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as memberChanges from '../repos/memberChanges';
import { studentsToConfirm } from '../repos/memberList';
import { getHouseholdRow } from '../repos/households';

// 年级升级: once a school year (from 09-01) every student's 学段/年级 is advanced with the clerk's review.

const SCHOOL_LABELS = { schoolStage: '学段', schoolGrade: '年级', schoolYearConfirmed: '年级确认学年', outOfSchoolReason: '未上学原因' };

export function previewSchoolYear(ctx: HandlerContext, villageId: string | undefined) {
  const today = chinaDate(ctx.now());
  const year = schoolYearOf(today);
  const stages = ctx.profile().enums.schoolStages;
  if (villageId) ctx.assertVillageInScope(villageId);
  const items: SchoolYearItem[] = studentsToConfirm(ctx.db, String(year), ctx.user().scope, villageId).map((m) => {
    const p = proposeForSchoolYear({ ...m, schoolStage: m.schoolStage! }, year, stages);
    return {
      memberId: m.id,
      householdId: m.householdId,
      rowVersion: m.rowVersion,
      name: m.name,
      headName: m.headName,
      villageName: m.villageName,
      age: m.birthDate ? ageOn(m.birthDate, today) : null,
      currentStage: m.schoolStage!,
      currentGrade: m.schoolGrade,
      confirmedYear: m.schoolYearConfirmed,
      proposedStage: p.stage,
      proposedGrade: p.grade,
      note: p.note,
      needsDecision: p.needsDecision,
    };
  });
  return { schoolYear: String(year), schoolYearLabel: schoolYearLabel(year), items };
}

type AdvanceItem = ParsedInput<'members.advanceSchoolYear'>['items'][number];

function itemIssues(item: AdvanceItem, i: number, name: string, birthDate: string | null, today: string, profile: Profile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (item.stage) {
    const stage = profile.enums.schoolStages.find((s) => s.label === item.stage);
    if (!stage) issues.push({ path: `items.${i}.stage`, message: `${name}的学段“${item.stage}”不在地方口径的学段列表中，请重新选择。` });
    else if (!item.grade) issues.push({ path: `items.${i}.grade`, message: `请填写${name}的年级。` });
    else if (item.grade > stage.grades) issues.push({ path: `items.${i}.grade`, message: `${name}：${stage.label}只有 ${stage.grades} 个年级，请核对年级。` });
    return issues;
  }
  const { compulsoryAgeFrom: from, compulsoryAgeTo: to } = profile.assessment;
  const age = birthDate ? ageOn(birthDate, today) : null;
  if (age !== null && age >= from && age <= to && !item.outOfSchoolReason?.trim()) {
    issues.push({ path: `items.${i}.outOfSchoolReason`, message: `${name}（${age} 岁）处于义务教育年龄，设为不在校时请选择「未上学原因」。` });
  }
  return issues;
}

export function advanceSchoolYear(ctx: HandlerContext, input: ParsedInput<'members.advanceSchoolYear'>) {
  const today = chinaDate(ctx.now());
  const current = String(schoolYearOf(today));
  if (input.schoolYear !== current) {
    throw validationError([{ path: 'schoolYear', message: `当前是 ${schoolYearLabel(Number(current))}，只能确认本学年的年级（您提交的是 ${input.schoolYear} 学年），请刷新后重试。` }]);
  }
  const profile = ctx.profile();
  const issues: FieldIssue[] = [];
  const stale: string[] = [];
  const members = input.items.map((item, i) => {
    const m = memberChanges.getMember(ctx.db, item.memberId);
    if (!m || m.leftAt) {
      issues.push({ path: `items.${i}.memberId`, message: `第 ${i + 1} 行的成员已减员或不存在，请刷新后重试。` });
      return null;
    }
    const row = getHouseholdRow(ctx.db, m.householdId);
    if (row) ctx.assertVillageInScope(row.village_id as string);
    if (m.rowVersion !== item.rowVersion) stale.push(m.name);
    issues.push(...itemIssues(item, i, m.name, m.birthDate, today, profile));
    return m;
  });
  if (issues.length) throw validationError(issues);
  if (stale.length) throw conflict(`${stale.join('、')}的信息已被他人修改，请刷新升级列表后再确认（本次未保存任何修改）。`);

  const at = ctx.nowIso();
  const by = ctx.user().username;
  input.items.forEach((item, i) => {
    const before = members[i]!;
    const write = { stage: item.stage, grade: item.stage ? item.grade : null, confirmedYear: current, outOfSchoolReason: item.stage ? null : (item.outOfSchoolReason?.trim() || null) };
    memberChanges.setSchool(ctx.db, before.id, write, at, by);
    const after = memberChanges.getMember(ctx.db, before.id)!;
    ctx.audit({
      action: 'update',
      entity: 'member',
      entityId: before.id,
      householdId: before.householdId,
      summary: `年级升级（${schoolYearLabel(Number(current))}）：${before.name} ${gradeText(before.schoolStage, before.schoolGrade)} → ${gradeText(write.stage, write.grade)}`,
      changes: diffFields(before, after, SCHOOL_LABELS),
    });
    ctx.change('member', before.id, after.rowVersion, 'upsert', after);
  });
  return { updated: input.items.length, schoolYear: current };
}
