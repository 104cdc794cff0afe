import { z } from 'zod';
import { method } from '../define';
import { fileToken, id, isoDate, pageOf, pageRequest, requiredText, shortText } from '../schemas/common';
import { householdInput } from '../schemas/household';
import { instantInput, leadDetail, leadRow } from '../schemas/procedures';

// 线索 (DOMAIN §5 Discovery): received → contacted on site within leadContactHours (seed 48 h) → not
// eligible (解释沟通, reason, 告知书 if asked) or an identification case. Step rules live in
// shared/domain/workflow/lead.ts; these schemas only bound the input.

const contactInput = z.strictObject({
  contactedAt: instantInput,
  contactedBy: requiredText(50),
  /** Must be true (the domain says why); a boolean here so the refusal carries the domain's message. */
  siteVisited: z.boolean(),
  findings: requiredText(2000),
});

export const leadCreateInput = z
  .strictObject({
    /** An existing household, or `newHousehold` (created through households.save in the same transaction). */
    householdId: id.optional(),
    newHousehold: householdInput.optional(),
    channel: requiredText(40),
    reporter: requiredText(50),
    receivedAt: instantInput,
    summary: requiredText(2000),
  })
  .refine((v) => (v.householdId === undefined) !== (v.newHousehold === undefined), {
    message: '请选择已登记的农户，或新建农户（二选一）。',
    path: ['householdId'],
  });

const notEligible = z.strictObject({
  kind: z.literal('notEligible'),
  date: isoDate,
  reason: requiredText(1000),
  explained: z.boolean(),
  /** 不予纳入告知书 already given: a scan, or just the fact (paper handed over). */
  writtenNoticeGiven: z.boolean().default(false),
  writtenNoticeToken: fileToken.optional(),
});
const openCase = z.strictObject({ kind: z.literal('openCase'), openedOn: isoDate.optional() });

export const leadFilter = z
  .strictObject({
    /** 'open' = awaiting contact or contacted but not yet resolved. */
    status: z.enum(['open', 'awaitingContact', 'contacted', 'closedNotEligible', 'converted']).optional(),
    villageId: id.optional(),
    householdId: id.optional(),
    channel: shortText(40).optional(),
    due: z.enum(['overdue', 'dueSoon', 'attention']).optional(),
  })
  .default({});

export const leadsMethods = {
  'leads.create': method({
    input: leadCreateInput,
    output: leadDetail,
    access: 'cases.read',
    write: true,
    summary: '登记线索（发现途径、反映人、接报时间、农户、困难情况），自动计算 48 小时核实时限',
  }),
  'leads.contact': method({
    input: contactInput.extend({ leadId: id, rowVersion: z.number().int().min(1).optional() }),
    output: leadDetail,
    access: 'cases.read',
    write: true,
    summary: '登记村书记/驻村第一书记联系农户、上门核查的情况（超时如实标记）',
  }),
  'leads.resolve': method({
    input: z.strictObject({
      leadId: id,
      rowVersion: z.number().int().min(1).optional(),
      /** The contact, when it was not recorded separately before. */
      contact: contactInput.optional(),
      outcome: z.discriminatedUnion('kind', [notEligible, openCase]),
    }),
    output: z.object({ lead: leadDetail, caseId: z.string().nullable() }),
    access: 'cases.read',
    write: true,
    summary: '线索办结：不予纳入（解释沟通、原因、告知书）或转入识别纳入（开启识别纳入案件）',
  }),
  'leads.writtenNotice': method({
    input: z.strictObject({ leadId: id, token: fileToken.optional() }),
    output: leadDetail,
    access: 'cases.read',
    write: true,
    summary: '补录已送达的不予纳入告知书（可附扫描件）',
  }),
  'leads.get': method({
    input: z.strictObject({ id }),
    output: leadDetail,
    access: 'cases.read',
    write: false,
    summary: '一条线索的详细情况和办理经过',
  }),
  'leads.list': method({
    input: z.strictObject({ filter: leadFilter, ...pageRequest }),
    output: pageOf(leadRow).extend({ counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int() }), today: z.string(), now: z.string() }),
    access: 'cases.read',
    write: false,
    summary: '线索列表（按核实时限排序；可按状态、村、发现途径、是否逾期筛选）',
  }),
};
