// The data each procedure step must carry, as zod schemas. Numbers that a province sets (how many
// verifiers, how many 公示 days, which categories) are checked in the machine against ProcedureRules,
// not here, so a message can quote the profile's value.
import { z } from 'zod';
import { isCalendarDate } from '../deadlines';
import { ELIMINATION_STEPS, IDENTIFICATION_STEPS } from './rules';

export const calendarDate = z.string().refine(isCalendarDate, { message: '日期无效，请按 YYYY-MM-DD 填写真实日期。' });
const text = (max = 100) => z.string().trim().min(1).max(max);
const optionalText = (max = 500) => z.string().trim().max(max).optional();
/** Reference to a stored file (scan, pad PNG); the backend owns the storage. */
const fileRef = z.string().trim().min(1).max(200);

export const ELIMINATION_MODES = ['帮扶消除', '自然消除'] as const;
export type EliminationMode = (typeof ELIMINATION_MODES)[number];

/**
 * A household's mark on a paper or pad form. A pad signature needs its PNG; a paper one may have
 * its scan attached later. Anhui's rule: a form filled by a 代填人 still carries the applicant's own fingerprint.
 */
export const householdMarkSchema = z
  .strictObject({
    signed: z.boolean(),
    fingerprint: z.boolean(),
    medium: z.enum(['pad', 'paper']),
    imageRef: fileRef.optional(),
    scanRef: fileRef.optional(),
  })
  .refine((m) => m.signed || m.fingerprint, { message: '申请人须签字或按手印。' })
  .refine((m) => m.medium !== 'pad' || m.imageRef !== undefined, { message: '签字板签字须保存签字图片。' });

const personSchema = z.strictObject({ name: text(50), unit: optionalText(100) });

/** 1. 提交申请: 《防止返贫监测对象个人申请及承诺授权书》. */
export const applySchema = z
  .strictObject({
    date: calendarDate,
    applicantName: text(50),
    receivedBy: text(50),
    commitment: z.literal(true, { message: '须勾选“承诺如实提供家庭情况”。' }),
    authorisation: z.literal(true, { message: '须勾选“授权查询家庭存款、车辆、房屋等资产信息”。' }),
    mark: householdMarkSchema,
    proxyFiller: z.strictObject({ name: text(50), relation: text(20) }).optional(),
    leadId: z.string().max(64).optional(),
    scanRef: fileRef.optional(),
  })
  .refine((a) => a.proxyFiller === undefined || a.mark.fingerprint, {
    message: '由他人代填的申请书，须由申请人本人按手印。',
    path: ['mark', 'fingerprint'],
  });

/** 1'. 提出名单 (elimination): the village's proposal after 逐户研判. */
export const proposeSchema = z.strictObject({
  date: calendarDate,
  proposedBy: text(100),
  mode: z.enum(ELIMINATION_MODES),
  basis: text(1000),
});

/** 2. 入户核实: ≥ minVerifiers people (checked in the machine); 信息采集表 / 帮扶措施落实情况表. */
export const verifySchema = z.strictObject({
  date: calendarDate,
  verifiers: z.array(personSchema).min(1).max(20),
  findings: optionalText(2000),
  formRef: fileRef.optional(),
  householdMark: householdMarkSchema.optional(),
});

export const votesSchema = z.strictObject({
  agree: z.number().int().min(0),
  disagree: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

/** 3. 民主评议: the meeting item's outcome (see meeting.ts `deliberationStepData`). */
export const deliberateSchema = z.strictObject({
  date: calendarDate,
  meetingId: text(64),
  outcome: z.enum(['pass', 'fail']),
  votes: votesSchema,
  formRef: fileRef.optional(),
});

export const objectionSchema = z
  .strictObject({
    date: calendarDate,
    content: text(2000),
    investigation: optionalText(2000),
    result: optionalText(1000),
    resolved: z.boolean(),
  })
  .refine((o) => !o.resolved || (Boolean(o.investigation) && Boolean(o.result)), {
    message: '异议标记为已处理时，须填写调查核实情况和处理结果。',
  });

/** 4. 公示: posted in the village; completed once the period has run (checked against ctx.now). */
export const noticeSchema = z.strictObject({
  startDate: calendarDate,
  days: z.number().int().min(1).max(60),
  place: text(200),
  noticeId: z.string().max(64).optional(),
  objections: z.array(objectionSchema).max(200).default([]),
});

const anyStep = z.enum([...new Set([...IDENTIFICATION_STEPS, ...ELIMINATION_STEPS])] as [string, ...string[]]);

/** 5. 镇街审核: pass, or send back to an earlier step with a reason. */
export const townshipReviewSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('pass'), date: calendarDate, reviewer: text(50), opinion: text(1000), formRef: fileRef.optional() }),
  z.strictObject({
    decision: z.literal('sendBack'),
    date: calendarDate,
    reviewer: text(50),
    opinion: optionalText(1000),
    sendBackTo: anyStep,
    reason: text(1000),
  }),
]);

const countyRecord = {
  date: calendarDate,
  docNumber: optionalText(100),
  systemEntryDate: calendarDate.optional(),
  announcementDate: calendarDate.optional(),
};

/** 6. 县级审定 of an identification: category and risks fixed; monitoring starts. */
export const identificationDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ ...countyRecord, decision: z.literal('approve'), category: text(30), risks: z.array(text(30)).min(1), opinion: optionalText(1000) }),
  z.strictObject({ date: calendarDate, docNumber: optionalText(100), decision: z.literal('reject'), reason: text(1000) }),
]);

/** 6'. 县级审定 of an elimination: system marked 风险消除. */
export const eliminationDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ ...countyRecord, decision: z.literal('eliminate'), mode: z.enum(ELIMINATION_MODES), opinion: optionalText(1000) }),
  z.strictObject({ date: calendarDate, docNumber: optionalText(100), decision: z.literal('reject'), reason: text(1000) }),
]);

/** Dates filled in after the decision (录入系统, 公告), when the reply came before them. */
export const countyFollowUpSchema = z.strictObject({
  systemEntryDate: calendarDate.optional(),
  announcementDate: calendarDate.optional(),
  docNumber: optionalText(100),
});

export type ApplyData = z.output<typeof applySchema>;
export type ProposeData = z.output<typeof proposeSchema>;
export type VerifyData = z.output<typeof verifySchema>;
export type DeliberateData = z.output<typeof deliberateSchema>;
export type Objection = z.output<typeof objectionSchema>;
export type NoticeData = z.output<typeof noticeSchema>;
export type TownshipReviewData = z.output<typeof townshipReviewSchema>;
export type IdentificationDecisionData = z.output<typeof identificationDecisionSchema>;
export type EliminationDecisionData = z.output<typeof eliminationDecisionSchema>;
export type Votes = z.output<typeof votesSchema>;
export type HouseholdMark = z.output<typeof householdMarkSchema>;
