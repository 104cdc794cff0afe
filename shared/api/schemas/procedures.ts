import { z } from 'zod';
import type { CaseDeadlines } from '../../domain/workflow/stepDeadlines';
import type { CaseState } from '../../domain/workflow/caseState';
import type { CriteriaReport } from '../../domain/workflow/eliminationCriteria';
import type { Lead } from '../../domain/workflow/lead';
import type { StepKey } from '../../domain/workflow/rules';
import { ELIMINATION_MODES } from '../../domain/workflow/steps';
import { id, isoDate, requiredText, shortText } from './common';

// Shapes shared by the procedure methods (leads, cases, meetings, notices). Step data itself is
// validated by the domain (shared/domain/workflow/steps.ts), which names each field in Chinese.

/** Every step of either procedure (the domain refuses one that is not in the case's procedure). */
export const stepKey = z.enum(['apply', 'propose', 'verify', 'deliberate', 'notice', 'townshipReview', 'countyDecision'] satisfies StepKey[]);
export const caseKind = z.enum(['identification', 'elimination']);
export const eliminationMode = z.enum(ELIMINATION_MODES);
export const dueStatusSchema = z.enum(['ok', 'dueSoon', 'overdue']);
export const colourSchema = z.enum(['red', 'orange', 'yellow', 'blue']);

/** An instant with its zone ('Z' or +08:00): the domain refuses one without. */
export const instantInput = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/, '时间应带时区，例如 2026-03-05T09:30:00+08:00');

/** Step data: a bounded object whose fields the domain schema checks. */
export const stepData = z.record(z.string().max(40), z.unknown());

export const leadRow = z.object({
  id,
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  reporter: z.string(),
  receivedAt: z.string(),
  summary: z.string(),
  status: z.enum(['awaitingContact', 'contacted', 'closedNotEligible', 'converted']),
  statusLabel: z.string(),
  contactDueAt: z.string(),
  contactedAt: z.string().nullable(),
  late: z.boolean().nullable(),
  writtenNoticeDue: z.string().nullable(),
  caseId: z.string().nullable(),
  dueStatus: dueStatusSchema.nullable(),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
});
export type LeadRow = z.infer<typeof leadRow>;
export const leadDetail = leadRow.extend({ state: z.custom<Lead>() });
export type LeadDetail = z.infer<typeof leadDetail>;

export const caseRow = z.object({
  id,
  kind: caseKind,
  householdId: id,
  headName: z.string(),
  memberCount: z.number().int(),
  villageId: id,
  villageName: z.string(),
  groupName: z.string().nullable(),
  colour: z.string().nullable(),
  householdStatus: z.string(),
  status: z.enum(['open', 'closed']),
  outcome: z.string(),
  outcomeLabel: z.string(),
  currentStep: z.string().nullable(),
  currentStepLabel: z.string().nullable(),
  mode: z.string().nullable(),
  remark: z.boolean(),
  greenChannel: z.boolean(),
  leadId: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  stepDue: z.string().nullable(),
  wholeDue: z.string().nullable(),
  greenDue: z.string().nullable(),
  nextDue: z.string().nullable(),
  dueStatus: dueStatusSchema.nullable(),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
});
export type CaseRow = z.infer<typeof caseRow>;

export const objectionRow = z.object({
  id,
  noticeId: id,
  caseId: id,
  headName: z.string(),
  date: z.string(),
  content: z.string(),
  raisedBy: z.string().nullable(),
  investigation: z.string().nullable(),
  result: z.string().nullable(),
  resolved: z.boolean(),
  resolvedOn: z.string().nullable(),
  rowVersion: z.number().int(),
});
export type ObjectionRow = z.infer<typeof objectionRow>;

const refOption = z.object({ id, label: z.string(), ready: z.boolean(), note: z.string() });

export const caseDetail = caseRow.extend({
  state: z.custom<CaseState>(),
  deadlines: z.custom<CaseDeadlines>(),
  /** Meetings with an item for this case (民主评议 step), and whether their minutes are locked. */
  meetingOptions: z.array(refOption),
  /** 公示 listing this case, and whether the period has run. */
  noticeOptions: z.array(refOption),
  objections: z.array(objectionRow),
  /** The server's today (China date) and now: forms default to these, never to the PC's clock. */
  today: z.string(),
  now: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const criteriaPreview = z.object({
  householdId: id,
  identifiedOn: z.string().nullable(),
  /** Why the criteria could not be checked at all (not monitored, no 识别 date); null when checked. */
  blocker: z.string().nullable(),
  report: z.custom<CriteriaReport>().nullable(),
});
export type CriteriaPreview = z.infer<typeof criteriaPreview>;

export const optionalIsoDate = isoDate.optional();
export const reasonText = requiredText(1000);
export const noteText = shortText(1000).optional();
