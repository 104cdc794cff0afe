import type { Household, Member } from '../../../shared/api/schemas/household';
import { conflict, validationError, workflowRule, type FieldIssue } from '../../../shared/domain/errors';
import { HEAD_RELATION } from '../../../shared/domain/household';
import { EVENT_KIND_LABELS } from '../../../shared/domain/householdEvents';
import { pinyinInitials } from '../../../shared/domain/pinyin';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as eventsRepo from '../repos/householdEvents';
import { updateComposition } from '../repos/householdState';
import { getHousehold } from '../repos/households';
import * as memberChanges from '../repos/memberChanges';
import { findActiveByIdNumber, insertMember, type MemberWrite } from '../repos/members';

// Building blocks of the 自然变更 use-cases: every write here is audited and change-logged in the caller's
// transaction, and the household's denormalised head/member count follow its current members.

export const MEMBER_EVENT_LABELS = { leftAt: '减员日期', leftReason: '减员原因', relation: '与户主关系', isHead: '是否户主', joinedAt: '加入日期' };
const HOUSEHOLD_LABELS = { headName: '户主', memberCount: '人口数', status: '状态' };

export const householdSnapshot = (h: Household) => ({ ...h, members: undefined, formerMembers: undefined });

export function assertOpen(h: Household, what: string): void {
  if (h.status === 'cancelled') throw workflowRule(`「${h.headName}」户已注销，不能再登记${what}。`);
}

/** Re-derives 户主 and 人口数 from the current members; audited when they change. */
export function refreshComposition(ctx: HandlerContext, householdId: string): Household {
  const before = getHousehold(ctx.db, householdId)!;
  const head = before.members.find((m) => m.isHead);
  const composition = head
    ? { headName: head.name, headPinyin: head.pinyin, headIdNumber: head.idNumber, memberCount: before.members.length }
    : // Nobody left (整户注销): the register keeps showing the last 户主 by name.
      { headName: before.headName, headPinyin: pinyinInitials(before.headName), headIdNumber: before.headIdNumber, memberCount: before.members.length };
  updateComposition(ctx.db, householdId, composition, ctx.nowIso(), ctx.user().username);
  const after = getHousehold(ctx.db, householdId)!;
  const changes = diffFields(before, after, HOUSEHOLD_LABELS);
  if (changes.length) {
    ctx.audit({ action: 'update', entity: 'household', entityId: householdId, householdId, summary: `人口变更后更新「${after.headName}」户的户主与人口数`, changes });
  }
  ctx.change('household', householdId, after.rowVersion, 'upsert', householdSnapshot(after));
  return after;
}

/** A member row changed by an event: one audit line naming the person, one change-log row. */
export function auditMember(ctx: HandlerContext, before: Member | null, memberId: string, householdId: string, summary: string): void {
  const after = memberChanges.getMember(ctx.db, memberId)!;
  ctx.audit({ action: before ? 'update' : 'create', entity: 'member', entityId: memberId, householdId, summary, changes: diffFields(before, after, MEMBER_EVENT_LABELS) });
  ctx.change('member', memberId, after.rowVersion, 'upsert', after);
}

export function markMembersLeft(ctx: HandlerContext, h: Household, ids: readonly string[], date: string, reason: string): Member[] {
  const left: Member[] = [];
  for (const id of ids) {
    const before = h.members.find((m) => m.id === id)!;
    memberChanges.markLeft(ctx.db, id, date, reason, ctx.nowIso(), ctx.user().username);
    auditMember(ctx, before, id, h.id, `成员「${before.name}」${reason}（${date}）`);
    left.push(before);
  }
  return left;
}

export interface RelationChange {
  memberId: string;
  relation: string;
}

/**
 * Applies a new 户主 and changed relations of those who stay. Returns what changed (old → new) for the event's
 * details, so a 撤销 can put it back.
 */
export function applyRelations(ctx: HandlerContext, h: Household, newHeadId: string | undefined, changes: readonly RelationChange[], staying: readonly Member[]): { memberId: string; name: string; old: string; new: string }[] {
  const relations = ctx.profile().enums.relationsToHead;
  const issues: FieldIssue[] = [];
  for (const c of changes) {
    if (!staying.some((m) => m.id === c.memberId)) issues.push({ path: 'relationChanges', message: '只能为留在本户的成员修改与户主关系，请刷新后重试。' });
    else if (c.memberId !== newHeadId && c.relation === HEAD_RELATION) issues.push({ path: 'relationChanges', message: '一户只能有一位户主，其他成员请选择与新户主的关系。' });
    else if (!relations.includes(c.relation)) issues.push({ path: 'relationChanges', message: `「与户主关系」“${c.relation}”不在地方口径的列表中，请重新选择。` });
  }
  if (issues.length) throw validationError(issues);
  const wanted = new Map(changes.map((c) => [c.memberId, c.relation]));
  if (newHeadId) wanted.set(newHeadId, HEAD_RELATION);
  const done: { memberId: string; name: string; old: string; new: string }[] = [];
  for (const [memberId, relation] of wanted) {
    const m = staying.find((x) => x.id === memberId)!;
    if (m.relation === relation && m.isHead === (relation === HEAD_RELATION)) continue;
    memberChanges.setRelation(ctx.db, memberId, relation, relation === HEAD_RELATION, ctx.nowIso(), ctx.user().username);
    auditMember(ctx, m, memberId, h.id, `成员「${m.name}」与户主关系：${m.relation} → ${relation}`);
    done.push({ memberId, name: m.name, old: m.relation, new: relation });
  }
  return done;
}

/** One person may be a current member of one household only (the unique index says so too; this says it kindly). */
export function assertIdFree(ctx: HandlerContext, idNumber: string | null, name: string, hint: string): void {
  if (!idNumber) return;
  const found = findActiveByIdNumber(ctx.db, idNumber);
  if (found) {
    throw conflict(`${name}的证件号码已登记在「${found.villageName}」户主为「${found.headName}」的农户中（成员：${found.name}）。${hint}`, {
      issues: [{ path: 'member.idNumber', message: `该证件号码已登记在户主为「${found.headName}」的农户中。` }],
    });
  }
}

/** A copy of a person for another household (分户/合户): same person data, new row, joined on the event date. */
export function copyMemberInto(ctx: HandlerContext, m: Member, householdId: string, relation: string, date: string, sortOrder: number): string {
  const id = ctx.ids.newId();
  const { id: _id, householdId: _h, leftAt: _l, leftReason: _r, rowVersion: _v, updatedAt: _u, updatedBy: _b, ...person } = m;
  const write: MemberWrite = { ...person, id, householdId, relation, isHead: relation === HEAD_RELATION, joinedAt: date, sortOrder };
  insertMember(ctx.db, write, ctx.nowIso(), ctx.user().username);
  auditMember(ctx, null, id, householdId, `成员「${m.name}」加入本户（${date}）`);
  return id;
}

export function writeEvent(ctx: HandlerContext, e: eventsRepo.EventWrite): void {
  eventsRepo.insertEvent(ctx.db, e, ctx.nowIso(), ctx.user().username);
  ctx.audit({ action: 'create', entity: 'household_event', entityId: e.id, householdId: e.householdId, summary: `登记自然变更：${e.summary}` });
  if (e.relatedHouseholdId) {
    ctx.audit({ action: 'create', entity: 'household_event', entityId: e.id, householdId: e.relatedHouseholdId, summary: `登记自然变更：${e.summary}` });
  }
  ctx.change('household_event', e.id, 1, 'upsert', e);
}

export const kindLabel = (k: keyof typeof EVENT_KIND_LABELS): string => EVENT_KIND_LABELS[k];
