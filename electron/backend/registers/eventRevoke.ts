import { conflict, notFound, workflowRule } from '../../../shared/domain/errors';
import { EVENT_KIND_LABELS, isJoinKind } from '../../../shared/domain/householdEvents';
import type { HandlerContext } from '../context';
import * as eventsRepo from '../repos/householdEvents';
import { updateStatus } from '../repos/householdState';
import * as memberChanges from '../repos/memberChanges';
import { findActiveByIdNumber, tombstoneMember } from '../repos/members';
import { auditMember, refreshComposition } from './eventCommon';
import { loadHousehold } from './incomeService';

/**
 * 撤销 of an entry error: only the household's most recent event, never a 分户/合户 (other records may already
 * hang on the new household). The event stays in the timeline, marked 已撤销 with the reason; the members' rows
 * go back to what they were, each step audited.
 */
export function revokeEvent(ctx: HandlerContext, id: string, reason: string): { householdId: string; date: string } {
  const e = eventsRepo.getEvent(ctx.db, id);
  if (!e) throw notFound('该变更记录');
  const h = loadHousehold(ctx, e.householdId);
  const label = EVENT_KIND_LABELS[e.kind];
  if (e.revokedAt) throw conflict('该变更已撤销过，请刷新。');
  if (e.kind === 'split' || e.kind === 'merge') {
    throw workflowRule(`${label}不能撤销。如登记有误，请再登记一次相反的${e.kind === 'split' ? '合户' : '分户'}，并在备注中说明原因。`);
  }
  const latest = eventsRepo.latestActiveEvent(ctx.db, h.id);
  if (latest?.id !== e.id) throw workflowRule(`只能撤销该户最近的一条变更（${latest?.date ?? ''} ${latest ? EVENT_KIND_LABELS[latest.kind] : ''}），请先撤销更晚的变更。`);
  const at = ctx.nowIso();
  const by = ctx.user().username;

  if (isJoinKind(e.kind)) {
    const m = memberChanges.getMember(ctx.db, e.members[0].id);
    if (m?.isHead) throw workflowRule(`${m.name}现为户主，不能撤销其${label}登记。请先在“修改”中把户主改回原户主。`);
    if (m && !m.leftAt) {
      tombstoneMember(ctx.db, m.id, at, by);
      ctx.audit({ action: 'delete', entity: 'member', entityId: m.id, householdId: h.id, summary: `撤销${label}登记：删除成员「${m.name}」（${reason}）` });
      ctx.change('member', m.id, m.rowVersion + 1, 'delete', { id: m.id });
    }
  } else {
    for (const ref of e.members) {
      const m = memberChanges.getMember(ctx.db, ref.id);
      if (!m) continue;
      const elsewhere = m.idNumber ? findActiveByIdNumber(ctx.db, m.idNumber) : undefined;
      if (elsewhere) throw conflict(`${m.name}现已登记在户主为「${elsewhere.headName}」的农户中，不能撤销本次${label}。`);
      memberChanges.clearLeft(ctx.db, m.id, at, by);
      auditMember(ctx, m, m.id, h.id, `撤销${label}登记：「${m.name}」恢复为本户成员（${reason}）`);
    }
    restoreRelations(ctx, h.id, e.details);
    if (e.details.cancelled && e.details.statusBefore) {
      updateStatus(ctx.db, h.id, e.details.statusBefore, at, by);
      ctx.audit({ action: 'update', entity: 'household', entityId: h.id, householdId: h.id, summary: `撤销${label}登记：恢复户籍`, changes: [{ field: 'status', label: '状态', old: 'cancelled', new: e.details.statusBefore }] });
    }
  }
  eventsRepo.markRevoked(ctx.db, e.id, reason, at, by);
  ctx.audit({ action: 'revoke', entity: 'household_event', entityId: e.id, householdId: h.id, summary: `撤销自然变更：${e.summary}（原因：${reason}）` });
  ctx.change('household_event', e.id, e.rowVersion + 1, 'upsert', { ...e, revokedAt: at, revokedReason: reason });
  refreshComposition(ctx, h.id);
  return { householdId: h.id, date: e.date };
}

/** Puts 户主 and relations back as they were before a departure. */
function restoreRelations(ctx: HandlerContext, householdId: string, details: eventsRepo.EventDetails): void {
  const at = ctx.nowIso();
  const by = ctx.user().username;
  for (const c of details.relationChanges ?? []) {
    const m = memberChanges.getMember(ctx.db, c.memberId);
    if (!m) continue;
    memberChanges.setRelation(ctx.db, c.memberId, c.old, false, at, by);
    auditMember(ctx, m, c.memberId, householdId, `撤销变更：「${m.name}」与户主关系恢复为 ${c.old}`);
  }
  if (details.headChange) {
    const head = memberChanges.getMember(ctx.db, details.headChange.fromId);
    if (head) {
      memberChanges.setRelation(ctx.db, head.id, head.relation, true, at, by);
      auditMember(ctx, head, head.id, householdId, `撤销变更：「${head.name}」恢复为户主`);
    }
  }
}
