import type { LeadDetail, LeadRow } from '../../../shared/api/schemas/procedures';
import { instantMs } from '../../../shared/domain/deadlines';
import { conflict, DomainError, notFound, validationError } from '../../../shared/domain/errors';
import { closeLeadNotEligible, convertLeadToCase, LEAD_STATUS_LABELS, leadDueStatus, receiveLead, recordLeadContact, recordWrittenNotice, type Lead } from '../../../shared/domain/workflow/lead';
import type { ProcedureRules } from '../../../shared/domain/workflow/rules';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as repo from '../repos/leads';
import { householdBrief, openCase } from './caseOpen';
import { saveHousehold } from './households';
import { dueWindow, procedureRules, workflowCtx } from './procedureContext';
import type { HandlerTable } from './types';

// 线索: received (48-hour contact due) → contacted on site → 不予纳入 or 转识别纳入. The lifecycle is the
// domain's (shared/domain/workflow/lead.ts); the channel is checked against the profile here.

const LEAD_LABELS: Record<string, string> = { statusLabel: '状态', contactedAt: '联系时间', caseId: '识别纳入案件', writtenNoticeDue: '告知书送达期限' };

/** Instants are stored as UTC ISO so they sort as text. */
const utc = (iso: string): string => new Date(instantMs(iso)).toISOString();

function toRow(r: repo.LeadRecord, ctx: HandlerContext, rules: ProcedureRules): LeadRow {
  const { state, ...rest } = r;
  const channel = ctx.profile().enums.leadChannels.find((c) => c.key === r.channel);
  return {
    ...rest,
    channelLabel: channel?.label ?? r.channel,
    statusLabel: LEAD_STATUS_LABELS[r.status],
    late: state.contact ? state.contact.late : null,
    dueStatus: leadDueStatus(state, ctx.now(), rules),
  };
}

const detail = (ctx: HandlerContext, id: string): LeadDetail => {
  const r = repo.getLead(ctx.db, id)!;
  return { ...toRow(r, ctx, procedureRules(ctx)), state: r.state };
};

function loadLead(ctx: HandlerContext, id: string, rowVersion?: number): repo.LeadRecord {
  const r = repo.getLead(ctx.db, id);
  if (!r) throw notFound('该线索');
  ctx.assertVillageInScope(r.villageId);
  if (rowVersion !== undefined && rowVersion !== r.rowVersion) throw conflict('该线索已被他人办理，请刷新后再试（您的操作未保存）。');
  return r;
}

/** Saves a changed lead with audit and change log; returns the API view. */
function saveLead(ctx: HandlerContext, before: repo.LeadRecord, next: Lead, summary: string): LeadDetail {
  repo.updateLead(ctx.db, next, ctx.nowIso(), ctx.user().username);
  const rules = procedureRules(ctx);
  const after = detail(ctx, before.id);
  ctx.audit({ action: 'update', entity: 'lead', entityId: before.id, householdId: before.householdId, summary: `${summary}（${before.headName}户）`, changes: diffFields(toRow(before, ctx, rules), after, LEAD_LABELS) });
  ctx.change('lead', before.id, after.rowVersion, 'upsert', after);
  return after;
}

function assertChannel(ctx: HandlerContext, channel: string): void {
  const channels = ctx.profile().enums.leadChannels;
  if (!channels.some((c) => c.key === channel)) {
    throw validationError([{ path: 'channel', message: `发现途径「${channel}」不在本地口径中，请从列表中选择：${channels.map((c) => c.label).join('、')}。` }]);
  }
}

/** A file token must name a stored upload (告知书 or 签字页 scans). */
export function assertFile(ctx: HandlerContext, token: string): void {
  ctx.services.files.meta(token);
}

export const leadsHandlers: HandlerTable = {
  'leads.create': (ctx, input) => {
    assertChannel(ctx, input.channel);
    let householdId = input.householdId;
    if (input.newHousehold) {
      if (!ctx.can('register.write')) throw new DomainError('permission', '您的账号不能新建农户，请选择已登记的农户，或请有户籍录入权限的人员先建户。');
      householdId = saveHousehold(ctx, input.newHousehold).id;
    }
    const h = householdBrief(ctx, householdId!);
    const lead = receiveLead({ leadId: ctx.ids.newId(), householdId: h.id, channel: input.channel, summary: input.summary, receivedAt: utc(input.receivedAt) }, workflowCtx(ctx));
    repo.insertLead(ctx.db, { villageId: h.villageId, reporter: input.reporter }, lead, ctx.nowIso(), ctx.user().username);
    const after = detail(ctx, lead.leadId);
    ctx.audit({ action: 'create', entity: 'lead', entityId: lead.leadId, householdId: h.id, summary: `登记线索（${h.headName}户，${after.channelLabel}），须于 ${after.contactDueAt} 前上门核实` });
    ctx.change('lead', lead.leadId, after.rowVersion, 'upsert', after);
    return after;
  },

  'leads.contact': (ctx, { leadId, rowVersion, ...contact }) => {
    const r = loadLead(ctx, leadId, rowVersion);
    const next = recordLeadContact(r.state, { ...contact, contactedAt: utc(contact.contactedAt) }, workflowCtx(ctx));
    return saveLead(ctx, r, next, next.contact?.late ? '登记上门核实（超过时限）' : '登记上门核实');
  },

  'leads.resolve': (ctx, { leadId, rowVersion, contact, outcome }) => {
    const r = loadLead(ctx, leadId, rowVersion);
    const wctx = workflowCtx(ctx);
    let lead = r.state;
    if (contact && lead.status === 'awaitingContact') lead = recordLeadContact(lead, { ...contact, contactedAt: utc(contact.contactedAt) }, wctx);
    if (outcome.kind === 'notEligible') {
      if (outcome.writtenNoticeToken) assertFile(ctx, outcome.writtenNoticeToken);
      const ref = outcome.writtenNoticeToken ?? (outcome.writtenNoticeGiven ? '纸质告知书（已送达）' : undefined);
      const closed = closeLeadNotEligible(lead, { date: outcome.date, reason: outcome.reason, explained: outcome.explained, ...(ref ? { writtenNoticeRef: ref } : {}) }, wctx);
      return { lead: saveLead(ctx, r, closed, `线索不予纳入：${outcome.reason}`), caseId: null };
    }
    const opened = openCase(ctx, { householdId: r.householdId, kind: 'identification', leadId: r.id, ...(outcome.openedOn ? { openedOn: outcome.openedOn } : {}) });
    const converted = convertLeadToCase(lead, opened.id, wctx);
    return { lead: saveLead(ctx, r, converted, '线索属实，转入识别纳入'), caseId: opened.id };
  },

  'leads.writtenNotice': (ctx, { leadId, token }) => {
    const r = loadLead(ctx, leadId);
    if (token) assertFile(ctx, token);
    const next = recordWrittenNotice(r.state, token ?? '纸质告知书（已送达）', workflowCtx(ctx));
    return saveLead(ctx, r, next, '补录不予纳入告知书');
  },

  'leads.get': (ctx, { id }) => {
    loadLead(ctx, id);
    return detail(ctx, id);
  },

  'leads.list': (ctx, { filter, startRow, endRow }) => {
    const rules = procedureRules(ctx);
    const { rows, total, overdue, dueSoon } = repo.listLeads(ctx.db, filter, ctx.user().scope, dueWindow(ctx, rules), startRow, endRow);
    const { today, nowIso } = dueWindow(ctx, rules);
    return { rows: rows.map((r) => toRow(r, ctx, rules)), total, counts: { overdue, dueSoon }, today, now: nowIso };
  },
};
