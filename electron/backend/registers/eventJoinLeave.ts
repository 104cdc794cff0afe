import type { ParsedInput } from '../../../shared/api/contract';
import type { Household } from '../../../shared/api/schemas/household';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { validationError, workflowRule } from '../../../shared/domain/errors';
import { HEAD_RELATION, RESIDENT_ID } from '../../../shared/domain/household';
import { EVENT_KIND_LABELS, eventDateIssues, leavingIssues, normalizeJoiner, type JoinKind, type LeaveKind } from '../../../shared/domain/householdEvents';
import { schoolYearOf } from '../../../shared/domain/schoolYear';
import type { HandlerContext } from '../context';
import type { EventDetails } from '../repos/householdEvents';
import { updateStatus } from '../repos/householdState';
import { insertMember, type MemberWrite } from '../repos/members';
import { nextSortOrder } from '../repos/memberChanges';
import { applyRelations, assertIdFree, assertOpen, auditMember, markMembersLeft, refreshComposition, writeEvent } from './eventCommon';
import { loadHousehold } from './incomeService';

type RecordInput = ParsedInput<'householdEvents.record'>;
type JoinInput = Extract<RecordInput, { kind: JoinKind }>;
type LeaveInput = Extract<RecordInput, { kind: LeaveKind }>;

export interface Recorded {
  eventId: string;
  householdIds: string[];
  newHouseholdId: string | null;
}

const JOIN_HINT: Record<JoinKind, string> = {
  birth: '请核对证件号码。',
  marriageIn: '如属本镇户内婚嫁，请先在原户登记“婚出”。',
  moveIn: '如属本镇户间迁移，请先在原户登记“迁出”，或使用“分户/合户”。',
};

/** 出生 / 婚入 / 迁入: a new member row with joined_at = the event date. */
export function recordJoin(ctx: HandlerContext, input: JoinInput): Recorded {
  const h = loadHousehold(ctx, input.householdId);
  const label = EVENT_KIND_LABELS[input.kind];
  assertOpen(h, label);
  const today = chinaDate(ctx.now());
  const m = input.member;
  const n = normalizeJoiner(m, input.kind, input.date, today, ctx.profile().enums.relationsToHead, HEAD_RELATION);
  const issues = [...eventDateIssues(input.date, today), ...n.issues];
  if (issues.length) throw validationError(issues);
  assertIdFree(ctx, n.idNumber, m.name, JOIN_HINT[input.kind]);

  const memberId = ctx.ids.newId();
  const write: MemberWrite = {
    ...blankMember(),
    ...m,
    id: memberId,
    householdId: h.id,
    idType: m.idType ?? RESIDENT_ID,
    idNumber: n.idNumber,
    sex: n.sex,
    birthDate: n.birthDate,
    pinyin: n.pinyin,
    isHead: false,
    phone: m.phone ?? '',
    // A grade entered now is the grade of the current school year.
    schoolYearConfirmed: m.schoolYearConfirmed ?? (m.schoolStage ? String(schoolYearOf(today)) : null),
    joinedAt: input.date,
    sortOrder: nextSortOrder(ctx.db, h.id),
  };
  insertMember(ctx.db, write, ctx.nowIso(), ctx.user().username);
  auditMember(ctx, null, memberId, h.id, `${label}：新增成员「${m.name}」（${m.relation}，${input.date}）`);

  const eventId = ctx.ids.newId();
  const origin = input.origin?.trim();
  writeEvent(ctx, {
    id: eventId,
    householdId: h.id,
    kind: input.kind,
    date: input.date,
    relatedHouseholdId: null,
    members: [{ id: memberId, name: m.name }],
    summary: `${input.date} ${m.name}${label}${origin ? `（来自${origin}）` : ''}，${h.headName}户人口 ${h.members.length} → ${h.members.length + 1} 人`,
    note: input.note ?? '',
    details: origin ? { origin } : {},
  });
  refreshComposition(ctx, h.id);
  return { eventId, householdIds: [h.id], newHouseholdId: null };
}

/** Every optional member column empty, so a joining person's write has all columns. */
function blankMember(): Omit<MemberWrite, 'id' | 'householdId'> {
  return {
    name: '', pinyin: '', idType: RESIDENT_ID, idNumber: null, relation: '', isHead: false, sex: null, birthDate: null,
    ethnicity: null, politicalStatus: null, education: null, schoolStage: null, schoolGrade: null, schoolYearConfirmed: null,
    outOfSchoolReason: null, health: null, disabilityGrade: null, disabilityCertNo: null, labourSkill: null, workPlace: null,
    workEmployer: null, workMonths: null, publicWelfareJobMonths: null, insuredMedical: false, insuredCritical: false,
    insuredPension: false, dibao: false, tekun: false, phone: '', joinedAt: null, sortOrder: 0,
  };
}

/** Refuses to empty a household silently, and never empties one that is being monitored. */
function checkWholeHouseholdLeaving(h: Household, leaving: number, confirm: boolean | undefined, label: string): boolean {
  if (leaving < h.members.length) return false;
  if (h.status === 'monitoring') {
    throw workflowRule(`「${h.headName}」户正在监测中，不能直接登记全户${label}而注销。请先按程序办理风险消除，再登记本次变更。`);
  }
  if (!confirm) {
    throw validationError([{ path: 'confirmCancel', message: `本次${label}后该户将没有家庭成员，户籍将注销。请勾选「确认整户注销」后再保存。` }]);
  }
  return true;
}

/** 死亡 / 婚出 / 迁出: the members' rows get left_at/left_reason; a new 户主 is named when the head leaves. */
export function recordLeave(ctx: HandlerContext, input: LeaveInput): Recorded {
  const h = loadHousehold(ctx, input.householdId);
  const label = EVENT_KIND_LABELS[input.kind];
  assertOpen(h, label);
  const today = chinaDate(ctx.now());
  const issues = [...eventDateIssues(input.date, today), ...leavingIssues(h.members, input.memberIds, input.date, input.newHeadMemberId, input.kind)];
  if (issues.length) throw validationError(issues);
  const cancels = checkWholeHouseholdLeaving(h, input.memberIds.length, input.confirmCancel, label);

  const left = markMembersLeft(ctx, h, input.memberIds, input.date, label);
  const staying = h.members.filter((m) => !input.memberIds.includes(m.id));
  const relationChanges = applyRelations(ctx, h, input.newHeadMemberId, input.relationChanges ?? [], staying);
  const head = h.members.find((m) => m.isHead);
  const details: EventDetails = { relationChanges };
  if (head && input.memberIds.includes(head.id)) details.headChange = { fromId: head.id, toId: input.newHeadMemberId ?? null };
  if (input.destination?.trim()) details.destination = input.destination.trim();
  if (cancels) {
    details.cancelled = true;
    details.statusBefore = h.status;
    updateStatus(ctx.db, h.id, 'cancelled', ctx.nowIso(), ctx.user().username);
    ctx.audit({ action: 'update', entity: 'household', entityId: h.id, householdId: h.id, summary: `「${h.headName}」户全部成员${label}，户籍注销`, changes: [{ field: 'status', label: '状态', old: h.status, new: 'cancelled' }] });
  }
  const names = left.map((m) => m.name).join('、');
  const newHead = staying.find((m) => m.id === input.newHeadMemberId);
  const eventId = ctx.ids.newId();
  writeEvent(ctx, {
    id: eventId,
    householdId: h.id,
    kind: input.kind,
    date: input.date,
    relatedHouseholdId: null,
    members: left.map((m) => ({ id: m.id, name: m.name })),
    summary:
      `${input.date} ${names}${label}${details.destination ? `（${input.kind === 'death' ? '' : '去往'}${details.destination}）` : ''}，` +
      `${h.headName}户人口 ${h.members.length} → ${staying.length} 人${newHead ? `，户主改为${newHead.name}` : ''}${cancels ? '，该户注销' : ''}`,
    note: input.note ?? '',
    details,
  });
  refreshComposition(ctx, h.id);
  return { eventId, householdIds: [h.id], newHouseholdId: null };
}
