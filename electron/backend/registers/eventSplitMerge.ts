import type { ParsedInput } from '../../../shared/api/contract';
import type { Household } from '../../../shared/api/schemas/household';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, notFound, validationError, workflowRule, type FieldIssue } from '../../../shared/domain/errors';
import { HEAD_RELATION } from '../../../shared/domain/household';
import { eventDateIssues, leavingIssues, splitIssues } from '../../../shared/domain/householdEvents';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { getDivision } from '../repos/divisions';
import { updateStatus } from '../repos/householdState';
import { findByHouseholdNo, getHousehold, insertHousehold } from '../repos/households';
import { nextSortOrder } from '../repos/memberChanges';
import { applyRelations, assertOpen, copyMemberInto, markMembersLeft, refreshComposition, writeEvent } from './eventCommon';
import type { Recorded } from './eventJoinLeave';
import { loadHousehold } from './incomeService';

type RecordInput = ParsedInput<'householdEvents.record'>;
type SplitInput = Extract<RecordInput, { kind: 'split' }>;
type MergeInput = Extract<RecordInput, { kind: 'merge' }>;

function checkRelations(ctx: HandlerContext, relations: readonly { relation: string }[], path: string): FieldIssue[] {
  const allowed = ctx.profile().enums.relationsToHead;
  return relations.filter((r) => !allowed.includes(r.relation)).map((r) => ({ path, message: `「与户主关系」“${r.relation}”不在地方口径的列表中，请重新选择。` }));
}

/** Where the new household of a 分户 lives: the source's village/group unless the clerk chose others. */
function newHouseholdPlace(ctx: HandlerContext, h: Household, n: SplitInput['newHousehold']): { villageId: string; groupId: string | null } {
  const villageId = n.villageId ?? h.villageId;
  const village = getDivision(ctx.db, villageId);
  if (!village || village.level !== 'village') throw validationError([{ path: 'newHousehold.villageId', message: '请为新户选择所在的行政村。' }]);
  ctx.assertVillageInScope(villageId);
  const groupId = n.groupId !== undefined ? n.groupId : villageId === h.villageId ? h.groupId : null;
  if (groupId) {
    const group = getDivision(ctx.db, groupId);
    if (!group || group.parentId !== villageId) throw validationError([{ path: 'newHousehold.groupId', message: `所选村民小组不属于「${village.name}」，请重新选择。` }]);
  }
  return { villageId, groupId };
}

/** 分户: the chosen members leave this household and form a new one, each with joined_at = the event date. */
export function recordSplit(ctx: HandlerContext, input: SplitInput): Recorded {
  const h = loadHousehold(ctx, input.householdId);
  assertOpen(h, '分户');
  const n = input.newHousehold;
  const issues = [
    ...eventDateIssues(input.date, chinaDate(ctx.now())),
    ...leavingIssues(h.members, input.memberIds, input.date, input.newHeadMemberId, 'split'),
    ...splitIssues(input.memberIds, n.headMemberId, n.relations, HEAD_RELATION),
    ...checkRelations(ctx, n.relations, 'newHousehold.relations'),
  ];
  if (input.memberIds.length >= h.members.length) issues.push({ path: 'memberIds', message: '分户后原户至少要留一位成员；如全户迁走，请登记“迁出”。' });
  const missing = h.members.filter((m) => input.memberIds.includes(m.id) && m.id !== n.headMemberId && !n.relations.some((r) => r.memberId === m.id));
  if (missing.length) issues.push({ path: 'newHousehold.relations', message: `请填写${missing.map((m) => m.name).join('、')}与新户主的关系。` });
  if (issues.length) throw validationError(issues);
  const householdNo = n.householdNo?.trim() || null;
  if (householdNo && findByHouseholdNo(ctx.db, householdNo)) throw conflict(`户编号「${householdNo}」已被另一户使用，请核对。`, { issues: [{ path: 'newHousehold.householdNo', message: '户编号已被使用。' }] });
  const place = newHouseholdPlace(ctx, h, n);

  const at = ctx.nowIso();
  const by = ctx.user().username;
  const newId = ctx.ids.newId();
  const head = h.members.find((m) => m.id === n.headMemberId)!;
  insertHousehold(
    ctx.db,
    {
      id: newId, householdNo, ...place, address: n.address ?? h.address, headName: head.name, headPinyin: head.pinyin, headIdNumber: head.idNumber,
      phone: n.phone ?? '', householdType: n.householdType ?? h.householdType, flags: [], farmlandMu: null, forestMu: null, grainForGreenMu: null,
      housingAreaM2: null, dangerousHouseGrade: null, memberCount: 0,
    },
    at,
    by,
  );
  const created = getHousehold(ctx.db, newId)!;
  ctx.audit({ action: 'create', entity: 'household', entityId: newId, householdId: newId, summary: `分户新建农户「${head.name}」（从「${h.headName}」户分出）`, changes: diffFields(null, created, { headName: '户主', villageName: '行政村', address: '住址', householdType: '户类型' }) });

  const left = markMembersLeft(ctx, h, input.memberIds, input.date, '分户');
  const relationOf = new Map(n.relations.map((r) => [r.memberId, r.relation]));
  let order = 0;
  const memberMap = left.map((m) => {
    const relation = m.id === head.id ? HEAD_RELATION : relationOf.get(m.id)!;
    return { fromId: m.id, toId: copyMemberInto(ctx, m, newId, relation, input.date, order++), name: m.name };
  });
  const staying = h.members.filter((m) => !input.memberIds.includes(m.id));
  const relationChanges = applyRelations(ctx, h, input.newHeadMemberId, input.relationChanges ?? [], staying);
  const oldHead = h.members.find((m) => m.isHead);
  const eventId = ctx.ids.newId();
  writeEvent(ctx, {
    id: eventId,
    householdId: h.id,
    kind: 'split',
    date: input.date,
    relatedHouseholdId: newId,
    members: left.map((m) => ({ id: m.id, name: m.name })),
    summary: `${input.date} ${left.map((m) => m.name).join('、')}从${h.headName}户分出，另立新户（户主${head.name}），原户人口 ${h.members.length} → ${staying.length} 人`,
    note: input.note ?? '',
    details: { memberMap, relationChanges, ...(input.newHeadMemberId && oldHead ? { headChange: { fromId: oldHead.id, toId: input.newHeadMemberId } } : {}) },
  });
  refreshComposition(ctx, h.id);
  refreshComposition(ctx, newId);
  return { eventId, householdIds: [h.id, newId], newHouseholdId: newId };
}

/** 合户: every current member of `fromHouseholdId` joins this household; the other household is 注销. */
export function recordMerge(ctx: HandlerContext, input: MergeInput): Recorded {
  const h = loadHousehold(ctx, input.householdId);
  assertOpen(h, '合户');
  if (input.fromHouseholdId === h.id) throw validationError([{ path: 'fromHouseholdId', message: '不能把一户合并到它自己，请选择另一户。' }]);
  const from = getHousehold(ctx.db, input.fromHouseholdId);
  if (!from) throw notFound('被合并的农户');
  ctx.assertVillageInScope(from.villageId);
  assertOpen(from, '合户');
  if (from.status === 'monitoring') throw workflowRule(`「${from.headName}」户正在监测中，不能直接合户注销。请先按程序办理风险消除，或把本户并入该户。`);
  const issues = [...eventDateIssues(input.date, chinaDate(ctx.now())), ...leavingIssues(from.members, from.members.map((m) => m.id), input.date, undefined, 'merge'), ...checkRelations(ctx, input.relations, 'relations')];
  const relationOf = new Map(input.relations.map((r) => [r.memberId, r.relation]));
  const missing = from.members.filter((m) => !relationOf.has(m.id));
  if (missing.length) issues.push({ path: 'relations', message: `请填写${missing.map((m) => m.name).join('、')}与「${h.headName}」的关系。` });
  if (input.relations.some((r) => r.relation === HEAD_RELATION)) issues.push({ path: 'relations', message: `合户后户主仍是「${h.headName}」，并入的成员请选择与其的关系。` });
  if (input.relations.some((r) => !from.members.some((m) => m.id === r.memberId))) issues.push({ path: 'relations', message: '所填成员不是被合并户的现有成员，请刷新后重试。' });
  if (issues.length) throw validationError(issues);

  const left = markMembersLeft(ctx, from, from.members.map((m) => m.id), input.date, '合户');
  let order = nextSortOrder(ctx.db, h.id);
  const memberMap = left.map((m) => ({ fromId: m.id, toId: copyMemberInto(ctx, m, h.id, relationOf.get(m.id)!, input.date, order++), name: m.name }));
  updateStatus(ctx.db, from.id, 'cancelled', ctx.nowIso(), ctx.user().username);
  ctx.audit({ action: 'update', entity: 'household', entityId: from.id, householdId: from.id, summary: `「${from.headName}」户并入「${h.headName}」户，户籍注销`, changes: [{ field: 'status', label: '状态', old: from.status, new: 'cancelled' }] });
  const eventId = ctx.ids.newId();
  writeEvent(ctx, {
    id: eventId,
    householdId: h.id,
    kind: 'merge',
    date: input.date,
    relatedHouseholdId: from.id,
    members: memberMap.map((m) => ({ id: m.toId, name: m.name })),
    summary: `${input.date} ${from.headName}户（${left.map((m) => m.name).join('、')}）并入${h.headName}户，人口 ${h.members.length} → ${h.members.length + left.length} 人，原户注销`,
    note: input.note ?? '',
    details: { memberMap, statusBefore: from.status, cancelled: true },
  });
  refreshComposition(ctx, from.id);
  refreshComposition(ctx, h.id);
  return { eventId, householdIds: [h.id, from.id], newHouseholdId: null };
}
