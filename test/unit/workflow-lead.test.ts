import { describe, expect, it } from 'vitest';
import {
  closeLeadNotEligible,
  convertLeadToCase,
  leadDueStatus,
  receiveLead,
  recordLeadContact,
  recordWrittenNotice,
  type Lead,
} from '../../shared/domain/workflow/lead';
import { ctxAt, RULES, refusal, REVIEWER } from './workflow-fixtures';

const RECEIVED = { leadId: 'l1', householdId: 'h1', channel: 'departmentWarning', summary: '医保推送：住院自付 2.3 万元', receivedAt: '2026-03-06T18:30:00+08:00' };
const contact = (at = '2026-03-07T10:00:00+08:00') => ({ contactedAt: at, contactedBy: '村书记 周明', siteVisited: true, findings: '情况属实，住院自付较大' });
const closure = { date: '2026-03-07', reason: '已参加大病保险，报销后自付不足 3000 元', explained: true };

const received = (): Lead => receiveLead(RECEIVED, ctxAt('2026-03-06 19:00'));

describe('线索: 48-hour contact', () => {
  it('sets the contact due time 48 clock hours after receipt, weekend included', () => {
    expect(received()).toMatchObject({ status: 'awaitingContact', contactDueAt: '2026-03-08T10:30:00.000Z' });
  });

  it('is yellow at once when the 48 hours end over the weekend, orange once they pass', () => {
    const lead = received();
    expect(leadDueStatus(lead, ctxAt('2026-03-06 19:00').now, RULES)).toBe('dueSoon');
    expect(leadDueStatus(lead, ctxAt('2026-03-08 18:30').now, RULES)).toBe('dueSoon');
    expect(leadDueStatus(lead, new Date('2026-03-08T10:31:00Z'), RULES)).toBe('overdue');
    const monday = receiveLead({ ...RECEIVED, receivedAt: '2026-03-09T09:00:00+08:00' }, ctxAt('2026-03-09 09:00'));
    expect(leadDueStatus(monday, ctxAt('2026-03-09 09:00').now, RULES)).toBe('ok');
  });

  it('uses the profile hours', () => {
    const lead = receiveLead(RECEIVED, ctxAt('2026-03-06 19:00', undefined, { ...RULES, leadContactHours: 24 }));
    expect(lead.contactDueAt).toBe('2026-03-07T10:30:00.000Z');
  });

  it('records a late contact as late instead of refusing it', () => {
    const onTime = recordLeadContact(received(), contact(), ctxAt('2026-03-07 12:00'));
    expect(onTime.contact?.late).toBe(false);
    const late = recordLeadContact(received(), contact('2026-03-09T09:00:00+08:00'), ctxAt('2026-03-09 12:00'));
    expect(late.contact?.late).toBe(true);
    expect(late.events.at(-1)?.note).toContain('超过 48 小时');
    expect(leadDueStatus(late, ctxAt('2026-03-09 12:00').now, RULES)).toBeNull();
  });

  it('refuses a contact without a site visit, before receipt, in the future, or twice', () => {
    expect(refusal(() => recordLeadContact(received(), { ...contact(), siteVisited: false }, ctxAt('2026-03-07 12:00'))).message).toContain('须上门核查');
    expect(refusal(() => recordLeadContact(received(), contact('2026-03-06T08:00:00+08:00'), ctxAt('2026-03-07 12:00'))).message).toContain('早于接报时间');
    expect(refusal(() => recordLeadContact(received(), contact(), ctxAt('2026-03-07 09:00'))).message).toContain('晚于当前时间');
    const once = recordLeadContact(received(), contact(), ctxAt('2026-03-07 12:00'));
    expect(refusal(() => recordLeadContact(once, contact(), ctxAt('2026-03-07 12:00'))).message).toContain('已登记过');
  });

  it('refuses a receipt time without a zone and an actor without the lead permission', () => {
    expect(refusal(() => receiveLead({ ...RECEIVED, receivedAt: '2026-03-06T18:30:00' }, ctxAt('2026-03-06 19:00'))).code).toBe('validation');
    expect(refusal(() => receiveLead(RECEIVED, ctxAt('2026-03-06 19:00', REVIEWER))).message).toContain('线索核实');
  });
});

describe('线索: outcome', () => {
  const contacted = () => recordLeadContact(received(), contact(), ctxAt('2026-03-07 12:00'));

  it('closing as not eligible needs the site visit first and the policy explained', () => {
    expect(refusal(() => closeLeadNotEligible(received(), closure, ctxAt('2026-03-07 12:00'))).message).toContain('须先上门核实');
    expect(refusal(() => closeLeadNotEligible(contacted(), { ...closure, explained: false }, ctxAt('2026-03-07 12:00'))).message).toContain('解释政策');
    const closed = closeLeadNotEligible(contacted(), closure, ctxAt('2026-03-07 12:00'));
    expect(closed).toMatchObject({ status: 'closedNotEligible', closure: { writtenNoticeDue: null } });
    expect(refusal(() => convertLeadToCase(closed, 'c1', ctxAt('2026-03-07 12:00'))).message).toContain('已办结');
  });

  it('sets a 告知书 due date in working days when the profile asks for one', () => {
    const ctx = ctxAt('2026-03-07 12:00', undefined, { ...RULES, rejectionNoticeRequired: true });
    const closed = closeLeadNotEligible(contacted(), closure, ctx);
    // 2026-03-07 is a Saturday: five working days → Friday 2026-03-13.
    expect(closed.closure?.writtenNoticeDue).toBe('2026-03-13');
    expect(leadDueStatus(closed, ctxAt('2026-03-12 09:00').now, RULES)).toBe('dueSoon');
    const sent = recordWrittenNotice(closed, 'scan-123', ctx);
    expect(sent.closure).toMatchObject({ writtenNoticeRef: 'scan-123', writtenNoticeDue: null });
    expect(leadDueStatus(sent, ctxAt('2026-03-20 09:00').now, RULES)).toBeNull();
  });

  it('converts a verified lead into a case', () => {
    expect(refusal(() => convertLeadToCase(received(), 'c1', ctxAt('2026-03-07 12:00'))).message).toContain('须先上门核实');
    const converted = convertLeadToCase(contacted(), 'c1', ctxAt('2026-03-07 12:00'));
    expect(converted).toMatchObject({ status: 'converted', caseId: 'c1' });
    expect(converted.events.map((e) => e.event)).toEqual(['received', 'contacted', 'converted']);
  });
});
