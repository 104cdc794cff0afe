import type { Household, HouseholdInput } from '../../../shared/api/schemas/household';
import { conflict, notFound, validationError } from '../../../shared/domain/errors';
import { normalizeHouseholdMembers, type NormalizedMember } from '../../../shared/domain/household';
import type { HandlerContext } from '../context';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { diffFields } from '../journal';
import { getDivisionRef } from '../repos/divisions';
import * as repo from '../repos/households';
import * as membersRepo from '../repos/members';
import { recomputeIncomeAfterEvent } from '../registers/incomeService';
import { HOUSEHOLD_LABELS, MEMBER_LABELS, householdWriteOf, toMemberWrite } from '../registers/householdRecords';
import type { HandlerTable } from './types';

export const householdsHandlers: HandlerTable = {
  'households.list': (ctx, input) => repo.listHouseholds(ctx.db, input.filter, input.sort, input.startRow, input.endRow, ctx.user().scope, input.withTotal),

  'households.get': (ctx, { id }) => {
    const h = repo.getHousehold(ctx.db, id);
    if (!h) throw notFound('该农户');
    ctx.assertVillageInScope(h.villageId);
    return h;
  },

  'households.save': (ctx, input) => saveHousehold(ctx, input),
};

/** Create or edit one household with its members, in the caller's transaction. Used by imports too. */
export function saveHousehold(ctx: HandlerContext, input: HouseholdInput): Household {
  const by = ctx.user().username;
  const at = ctx.nowIso();
  checkDivisions(ctx, input);
  const members = normalizeHouseholdMembers(input, chinaDate(ctx.now()));
  const before = input.id ? repo.getHousehold(ctx.db, input.id) : undefined;
  if (input.id && !before) throw notFound('该农户');
  if (before) {
    ctx.assertVillageInScope(before.villageId);
    if (input.rowVersion && input.rowVersion !== before.rowVersion) throw conflict('该户已被他人修改，请刷新后再改（您的修改未保存）。');
  }
  const householdId = before?.id ?? ctx.ids.newId();
  checkDuplicates(ctx, householdId, members, input.householdNo);

  const write = householdWriteOf(householdId, input, members);
  if (before) repo.updateHousehold(ctx.db, write, at, by);
  else repo.insertHousehold(ctx.db, write, at, by);
  saveMembers(ctx, householdId, members, before, at, by);
  // Members added or removed here change the divisor of stored 核算 windows.
  if (before) recomputeIncomeAfterEvent(ctx, householdId, '0000-01-01');

  const after = repo.getHousehold(ctx.db, householdId)!;
  ctx.audit({
    action: before ? 'update' : 'create',
    entity: 'household',
    entityId: householdId,
    householdId,
    summary: `${before ? '修改' : '新建'}农户「${after.headName}」（${after.villageName}，${after.members.length} 人）`,
    changes: diffFields(before ?? null, after, HOUSEHOLD_LABELS),
  });
  ctx.change('household', householdId, after.rowVersion, 'upsert', { ...after, members: undefined, formerMembers: undefined });
  return after;
}

function checkDivisions(ctx: HandlerContext, input: HouseholdInput): void {
  const village = getDivisionRef(ctx.db, input.villageId);
  if (!village || village.level !== 'village') throw validationError([{ path: 'villageId', message: '请选择农户所在的行政村。' }]);
  ctx.assertVillageInScope(village.id);
  if (input.groupId) {
    const group = getDivisionRef(ctx.db, input.groupId);
    if (!group || group.parentId !== village.id) throw validationError([{ path: 'groupId', message: `所选村民小组不属于「${village.name}」，请重新选择。` }]);
  }
}

/** An ID number may be an active member of one household only; 户编号 is unique too. */
function checkDuplicates(ctx: HandlerContext, householdId: string, members: NormalizedMember[], householdNo: string | undefined): void {
  const issues = members.flatMap((m, i) => {
    if (!m.idNumber) return [];
    const found = membersRepo.findActiveByIdNumber(ctx.db, m.idNumber);
    if (!found || found.householdId === householdId) return [];
    return [{ path: `members.${i}.idNumber`, message: `第${i + 1}位成员（${m.name}）的证件号码已登记在「${found.villageName}」户主为「${found.headName}」的农户中（成员：${found.name}），同一人不能重复登记。如属迁入，请先在原户办理迁出。` }];
  });
  if (issues.length) throw conflict(issues.map((i) => i.message).join('；'), { issues });
  const no = householdNo?.trim();
  if (no) {
    const other = repo.findByHouseholdNo(ctx.db, no);
    if (other && other !== householdId) throw conflict(`户编号「${no}」已被另一户使用，请核对。`, { issues: [{ path: 'householdNo', message: `户编号「${no}」已被另一户使用。` }] });
  }
}

function saveMembers(ctx: HandlerContext, householdId: string, members: NormalizedMember[], before: Household | undefined, at: string, by: string): void {
  const existing = new Map((before?.members ?? []).map((m) => [m.id, m]));
  const kept = new Set<string>();
  for (const m of members) {
    const prior = m.id ? existing.get(m.id) : undefined;
    if (m.id && !prior) throw validationError([{ path: 'members', message: `成员「${m.name}」不属于此户，请刷新后重试。` }]);
    const id = prior?.id ?? ctx.ids.newId();
    kept.add(id);
    const write = toMemberWrite(id, householdId, m, prior?.joinedAt ?? null, chinaDate(ctx.now()));
    if (prior) membersRepo.updateMember(ctx.db, write, at, by);
    else membersRepo.insertMember(ctx.db, write, at, by);
    const changes = diffFields(prior ?? null, { ...m, idNumber: m.idNumber }, MEMBER_LABELS);
    if (!prior || changes.length) {
      ctx.audit({ action: prior ? 'update' : 'create', entity: 'member', entityId: id, householdId, summary: `${prior ? '修改' : '新增'}成员「${m.name}」`, changes });
    }
    ctx.change('member', id, (prior?.rowVersion ?? 0) + 1, 'upsert', { id, householdId, ...m });
  }
  // A member dropped from the form was an entry error: tombstoned, audited. Life events
  // (死亡, 迁出, 婚出…) go through household events, which keep the person as a former member.
  for (const [id, prior] of existing) {
    if (kept.has(id)) continue;
    membersRepo.tombstoneMember(ctx.db, id, at, by);
    ctx.audit({ action: 'delete', entity: 'member', entityId: id, householdId, summary: `删除误录成员「${prior.name}」`, changes: diffFields(prior, null, MEMBER_LABELS) });
    ctx.change('member', id, prior.rowVersion + 1, 'delete', { id });
  }
}
