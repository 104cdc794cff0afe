// 自然变更: births, deaths, marriages, moves, 分户 and 合户 as dated events. History is never overwritten: a
// person who leaves keeps their row with left_at/left_reason; a person who joins gets joined_at (DOMAIN §2).
import type { FieldIssue } from './errors';
import { RESIDENT_ID } from './household';
import { normalizeIdNumber, validateIdNumber } from './idCard';
import { pinyinInitials } from './pinyin';

export const JOIN_KINDS = ['birth', 'marriageIn', 'moveIn'] as const;
export const LEAVE_KINDS = ['death', 'marriageOut', 'moveOut'] as const;
export const EVENT_KINDS = [...JOIN_KINDS, ...LEAVE_KINDS, 'split', 'merge'] as const;
export type JoinKind = (typeof JOIN_KINDS)[number];
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];

/** National wording of 人口自然变更 (also the members' left_reason). */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  birth: '出生',
  death: '死亡',
  marriageIn: '婚入',
  marriageOut: '婚出',
  moveIn: '迁入',
  moveOut: '迁出',
  split: '分户',
  merge: '合户',
};

export const isJoinKind = (k: EventKind): k is JoinKind => (JOIN_KINDS as readonly string[]).includes(k);
export const isLeaveKind = (k: EventKind): k is LeaveKind => (LEAVE_KINDS as readonly string[]).includes(k);

/** An event may not be dated in the future (China calendar day `today`). */
export function eventDateIssues(date: string, today: string): FieldIssue[] {
  if (date > today) return [{ path: 'date', message: `变更日期 ${date} 晚于今天（${today}），请填写实际发生的日期。` }];
  return [];
}

export interface ActiveMemberFacts {
  id: string;
  name: string;
  isHead: boolean;
  joinedAt: string | null;
  birthDate: string | null;
}

/**
 * Checks who leaves and who becomes 户主 when members leave a household (死亡/婚出/迁出/分户/合户):
 * every leaving member must be a current member who joined on or before the date; when the 户主 leaves and
 * someone stays, a remaining member must be named the new 户主.
 */
export function leavingIssues(active: readonly ActiveMemberFacts[], leavingIds: readonly string[], date: string, newHeadId: string | undefined, kind: EventKind): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const label = EVENT_KIND_LABELS[kind];
  const byId = new Map(active.map((m) => [m.id, m]));
  if (new Set(leavingIds).size !== leavingIds.length) issues.push({ path: 'memberIds', message: '同一成员被选了两次，请检查「涉及成员」。' });
  for (const id of leavingIds) {
    const m = byId.get(id);
    if (!m) {
      issues.push({ path: 'memberIds', message: '所选成员不是此户的现有成员（可能已减员），请刷新后重新选择。' });
      continue;
    }
    if (m.joinedAt && m.joinedAt > date) issues.push({ path: 'date', message: `${m.name}于 ${m.joinedAt} 才加入本户，${label}日期不能早于该日。` });
    if (kind === 'death' && m.birthDate && m.birthDate > date) issues.push({ path: 'date', message: `${m.name}的出生日期是 ${m.birthDate}，死亡日期不能早于出生日期。` });
  }
  const staying = active.filter((m) => !leavingIds.includes(m.id));
  const headLeaves = active.some((m) => m.isHead && leavingIds.includes(m.id));
  if (headLeaves && staying.length > 0) {
    if (!newHeadId) issues.push({ path: 'newHeadMemberId', message: `户主${label}后，请从留在本户的成员中指定新户主。` });
    else if (!staying.some((m) => m.id === newHeadId)) issues.push({ path: 'newHeadMemberId', message: '新户主必须是留在本户的成员，请重新选择。' });
  }
  if (!headLeaves && newHeadId && !staying.some((m) => m.id === newHeadId && m.isHead)) {
    issues.push({ path: 'newHeadMemberId', message: '户主没有减员，不需要指定新户主；如需变更户主请在“修改”中调整与户主关系。' });
  }
  return issues;
}

/** The members of the new household of a 分户: the new 户主 must be one of them, and each needs a relation. */
export function splitIssues(movingIds: readonly string[], headId: string, relations: readonly { memberId: string; relation: string }[], headRelation: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!movingIds.includes(headId)) issues.push({ path: 'newHousehold.headMemberId', message: '新户的户主必须是分出去的成员之一，请重新选择。' });
  for (const r of relations) {
    if (!movingIds.includes(r.memberId)) issues.push({ path: 'newHousehold.relations', message: '与新户主的关系只能为分出去的成员填写。' });
    if (r.memberId !== headId && r.relation === headRelation) issues.push({ path: 'newHousehold.relations', message: '新户只能有一位户主，其他成员请选择与新户主的关系。' });
  }
  return issues;
}

export interface JoiningPerson {
  name: string;
  idType?: string;
  idNumber?: string;
  relation: string;
  sex?: '男' | '女' | null;
  birthDate?: string | null;
}

export interface NormalizedJoiner {
  idNumber: string | null;
  sex: '男' | '女' | null;
  birthDate: string | null;
  pinyin: string;
  issues: FieldIssue[];
}

/**
 * A person joining by 出生/婚入/迁入: ID number checked (GB 11643) with sex and birth date derived from it; a newborn
 * without an ID number gets the event date as birth date. A newcomer is never 户主 (change the head by editing).
 */
export function normalizeJoiner(m: JoiningPerson, kind: JoinKind, date: string, today: string, relations: readonly string[], headRelation: string): NormalizedJoiner {
  const issues: FieldIssue[] = [];
  let idNumber: string | null = m.idNumber ? normalizeIdNumber(m.idNumber) : null;
  let sex = m.sex ?? null;
  let birthDate = m.birthDate ?? null;
  if (idNumber && (m.idType ?? RESIDENT_ID) === RESIDENT_ID) {
    const check = validateIdNumber(idNumber, today);
    if (!check.ok) issues.push({ path: 'member.idNumber', message: `${m.name}的证件号码有误：${check.reason}` });
    else ({ normalized: idNumber, sex, birthDate } = check);
  }
  if (kind === 'birth') {
    if (!birthDate) birthDate = date;
    else if (birthDate !== date) issues.push({ path: 'date', message: `${m.name}的出生日期为 ${birthDate}（来自证件号码或填写），与出生登记的变更日期 ${date} 不一致，请核对。` });
  }
  if (birthDate && birthDate > date) issues.push({ path: 'member.birthDate', message: `${m.name}的出生日期 ${birthDate} 晚于变更日期 ${date}，请核对。` });
  if (m.relation === headRelation) issues.push({ path: 'member.relation', message: `新加入的成员不能直接作为「户主」，请选择与现户主的关系；如需更换户主，请登记后在“修改”中调整。` });
  else if (!relations.includes(m.relation)) issues.push({ path: 'member.relation', message: `「与户主关系」“${m.relation}”不在地方口径的列表中，请重新选择。` });
  return { idNumber: idNumber || null, sex, birthDate, pinyin: pinyinInitials(m.name), issues };
}
