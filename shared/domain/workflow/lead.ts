// 线索 (a discovered risk) lifecycle: received → contacted on site (within leadContactHours, seed 48 h)
// → either closed as not eligible (解释沟通, reason, 告知书 if the profile asks) or converted into an
// identification case. A late contact is recorded as late, not refused: the record must tell the truth.
import { z } from 'zod';
import { addHours, addWorkingDays, chinaDateOf, compareDates, dueStatus, instantMs, type DateString, type DueStatus } from '../deadlines';
import { workflowRule } from '../errors';
import type { Actor, WorkflowContext } from './caseState';
import { assertPermitted } from './caseState';
import type { ProcedureRules } from './rules';
import { calendarDate } from './steps';
import { parseOrThrow } from './validate';

export type LeadStatus = 'awaitingContact' | 'contacted' | 'closedNotEligible' | 'converted';

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  awaitingContact: '待联系核实',
  contacted: '已上门核实',
  closedNotEligible: '不予纳入（已解释）',
  converted: '已转识别纳入',
};

const instant = z.string().max(40).refine((s) => {
  try {
    instantMs(s);
    return true;
  } catch {
    return false;
  }
}, { message: '时间格式应为带时区的 ISO 时间，例如 2026-03-05T09:30:00+08:00。' });

export const receiveLeadSchema = z.strictObject({
  leadId: z.string().min(1).max(64),
  householdId: z.string().min(1).max(64).optional(),
  /** Key of the profile's leadChannels (checked against the profile by the caller). */
  channel: z.string().min(1).max(40),
  summary: z.string().trim().min(1).max(2000),
  receivedAt: instant,
});

export const leadContactSchema = z.strictObject({
  contactedAt: instant,
  contactedBy: z.string().trim().min(1).max(50),
  siteVisited: z.literal(true, { message: '须上门核查“一超过、两不愁、三保障”及风险点后再登记。' }),
  findings: z.string().trim().min(1).max(2000),
});

export const leadClosureSchema = z.strictObject({
  date: calendarDate,
  reason: z.string().trim().min(1).max(1000),
  explained: z.literal(true, { message: '不予纳入须先向农户解释政策（解释沟通）。' }),
  writtenNoticeRef: z.string().trim().min(1).max(200).optional(),
});

export interface LeadEvent {
  event: 'received' | 'contacted' | 'closed' | 'writtenNotice' | 'converted';
  at: string;
  by: Actor;
  note?: string;
}

export interface Lead extends z.output<typeof receiveLeadSchema> {
  status: LeadStatus;
  /** receivedAt + leadContactHours (UTC ISO). */
  contactDueAt: string;
  contact?: z.output<typeof leadContactSchema> & { late: boolean };
  closure?: z.output<typeof leadClosureSchema> & { writtenNoticeDue: DateString | null };
  caseId?: string;
  events: LeadEvent[];
}

const event = (e: LeadEvent['event'], ctx: WorkflowContext, note?: string): LeadEvent => ({ event: e, at: ctx.now.toISOString(), by: { ...ctx.actor }, ...(note ? { note } : {}) });

function assertNotFuture(iso: string, ctx: WorkflowContext, what: string): void {
  if (instantMs(iso) > ctx.now.getTime()) throw workflowRule(`${what}晚于当前时间，请填写实际时间。`);
}

export function receiveLead(input: unknown, ctx: WorkflowContext): Lead {
  assertPermitted(ctx, 'lead');
  const data = parseOrThrow(receiveLeadSchema, input, '线索');
  assertNotFuture(data.receivedAt, ctx, '接报时间');
  const contactDueAt = addHours(data.receivedAt, ctx.rules.leadContactHours);
  return { ...data, status: 'awaitingContact', contactDueAt, events: [event('received', ctx)] };
}

export function recordLeadContact(lead: Lead, input: unknown, ctx: WorkflowContext): Lead {
  if (lead.status !== 'awaitingContact') throw workflowRule('该线索已登记过上门核实情况。');
  assertPermitted(ctx, 'lead');
  const data = parseOrThrow(leadContactSchema, input, '上门核实');
  assertNotFuture(data.contactedAt, ctx, '联系时间');
  if (instantMs(data.contactedAt) < instantMs(lead.receivedAt)) throw workflowRule('联系时间早于接报时间，请核对。');
  const late = instantMs(data.contactedAt) > instantMs(lead.contactDueAt);
  const note = late ? `超过 ${ctx.rules.leadContactHours} 小时时限` : undefined;
  return { ...lead, status: 'contacted', contact: { ...data, late }, events: [...lead.events, event('contacted', ctx, note)] };
}

/** Closes a lead found not eligible; when the profile asks for a 告知书, its due date is set. */
export function closeLeadNotEligible(lead: Lead, input: unknown, ctx: WorkflowContext): Lead {
  if (lead.status !== 'contacted') throw workflowRule(lead.status === 'awaitingContact' ? '须先上门核实，再作出不予纳入的结论。' : '该线索已办结。');
  assertPermitted(ctx, 'lead');
  const data = parseOrThrow(leadClosureSchema, input, '不予纳入');
  const contactDay = chinaDateOf(lead.contact?.contactedAt ?? lead.receivedAt);
  if (compareDates(data.date, contactDay) < 0) throw workflowRule(`不予纳入日期不能早于上门核实日期 ${contactDay}。`);
  if (compareDates(data.date, chinaDateOf(ctx.now)) > 0) throw workflowRule('不予纳入日期晚于今天，请填写实际日期。');
  const needsNotice = ctx.rules.rejectionNoticeRequired && data.writtenNoticeRef === undefined;
  const writtenNoticeDue = needsNotice ? addWorkingDays(data.date, ctx.rules.rejectionNoticeWorkingDays, ctx.rules) : null;
  return { ...lead, status: 'closedNotEligible', closure: { ...data, writtenNoticeDue }, events: [...lead.events, event('closed', ctx, data.reason)] };
}

/** Attaches the 不予纳入告知书 after closing. */
export function recordWrittenNotice(lead: Lead, writtenNoticeRef: string, ctx: WorkflowContext): Lead {
  if (lead.status !== 'closedNotEligible' || !lead.closure) throw workflowRule('只有不予纳入的线索需要告知书。');
  assertPermitted(ctx, 'lead');
  if (!writtenNoticeRef.trim()) throw workflowRule('请上传不予纳入告知书。');
  const closure = { ...lead.closure, writtenNoticeRef: writtenNoticeRef.trim(), writtenNoticeDue: null };
  return { ...lead, closure, events: [...lead.events, event('writtenNotice', ctx)] };
}

/** Marks the lead as turned into an identification case (opened with openIdentificationCase). */
export function convertLeadToCase(lead: Lead, caseId: string, ctx: WorkflowContext): Lead {
  if (lead.status !== 'contacted') throw workflowRule(lead.status === 'awaitingContact' ? '须先上门核实，情况属实后再转入识别纳入。' : '该线索已办结。');
  assertPermitted(ctx, 'lead');
  return { ...lead, status: 'converted', caseId, events: [...lead.events, event('converted', ctx, caseId)] };
}

/** Colour of what the lead still waits for: the contact, or the written notice; null when nothing is due. */
export function leadDueStatus(lead: Lead, now: Date, rules: ProcedureRules): DueStatus | null {
  if (lead.status === 'awaitingContact') return dueStatus(lead.contactDueAt, now, rules);
  if (lead.status === 'closedNotEligible' && lead.closure?.writtenNoticeDue) return dueStatus(lead.closure.writtenNoticeDue, now, rules);
  return null;
}
