import { z } from 'zod';
import type { Meeting } from '../../domain/meeting';
import { method } from '../define';
import { fileToken, id, isoDate, pageOf, pageRequest, requiredText, shortText } from '../schemas/common';

// 民主评议会 minutes (DOMAIN §5 step 3; shared/domain/meeting.ts). Content may change until the first
// signature; when every attendee has signed (签字板 PNG or 纸质签字 with a scan) the minutes lock for
// good, with a sha256 of the canonical content; corrections go into signed 补充说明 (addenda).

/** A pad signature PNG, base64: bounded so one signature cannot grow the database (≈ 300 KB of PNG). */
export const MAX_SIGNATURE_BASE64 = 400_000;

const votes = z.strictObject({ agree: z.number().int().min(0).max(999), disagree: z.number().int().min(0).max(999), abstain: z.number().int().min(0).max(999) });

const attendeeInput = z.strictObject({ id: id.optional(), name: requiredText(50), role: requiredText(30), unit: shortText(100).optional() });

const itemInput = z.strictObject({
  id: id.optional(),
  caseId: id,
  /** 拟认定类别 (identification) or 风险消除方式 (elimination; default: the case's mode). */
  proposal: shortText(30).optional(),
  situation: shortText(2000).optional(),
  needs: shortText(1000).optional(),
  votes,
  outcome: z.enum(['pass', 'fail']),
});

export const meetingSaveInput = z.strictObject({
  id: id.optional(),
  rowVersion: z.number().int().min(1).optional(),
  villageId: id,
  date: isoDate,
  time: z.string().regex(/^\d{2}:\d{2}$/, '时间格式应为 HH:mm').optional(),
  place: requiredText(100),
  host: requiredText(50),
  recorder: requiredText(50),
  minutesText: shortText(20_000).optional(),
  attendees: z.array(attendeeInput).min(1).max(200),
  items: z.array(itemInput).min(1).max(500),
});
export type MeetingSaveInput = z.input<typeof meetingSaveInput>;

const signatureInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pad'), pngBase64: z.string().min(20).max(MAX_SIGNATURE_BASE64, '签字图片过大，请清除后重新签字。') }),
  z.strictObject({ kind: z.literal('paper'), scanToken: fileToken }),
]);

const itemCase = z.object({ itemId: id, caseId: id, householdId: id, caseOutcome: z.string(), currentStep: z.string().nullable() });

export const meetingDetail = z.object({
  id,
  villageId: id,
  meeting: z.custom<Meeting>(),
  minutesText: z.string(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  /** sha256 of the canonical minutes when the last attendee signed; printed on the minutes. */
  lockHash: z.string().nullable(),
  /** sha256 of the minutes as they stand now (changes when an addendum is added or signed). */
  currentHash: z.string(),
  itemCases: z.array(itemCase),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const meetingRow = z.object({
  id,
  villageId: id,
  villageName: z.string(),
  date: z.string(),
  place: z.string(),
  host: z.string(),
  attendeeCount: z.number().int(),
  signedCount: z.number().int(),
  identificationItems: z.number().int(),
  eliminationItems: z.number().int(),
  locked: z.boolean(),
  lockHash: z.string().nullable(),
  updatedAt: z.string(),
});
export type MeetingRow = z.infer<typeof meetingRow>;

export const meetingsMethods = {
  'meetings.save': method({
    input: meetingSaveInput,
    output: meetingDetail,
    access: 'meetings.write',
    write: true,
    summary: '新建或修改评议会议记录（参会人员、逐户评议议题、表决、结果、会议内容）；有人签字后不能修改',
  }),
  'meetings.get': method({
    input: z.strictObject({ id }),
    output: meetingDetail,
    access: 'cases.read',
    write: false,
    summary: '一次评议会议的记录、签字、补充说明和锁定校验码',
  }),
  'meetings.list': method({
    input: z.strictObject({
      filter: z.strictObject({ villageId: id.optional(), locked: z.boolean().optional(), caseId: id.optional() }).default({}),
      ...pageRequest,
    }),
    output: pageOf(meetingRow).extend({ today: z.string() }),
    access: 'cases.read',
    write: false,
    summary: '评议会议列表（按会议日期倒序）',
  }),
  'meetings.sign': method({
    input: z.strictObject({ meetingId: id, attendeeId: id, addendumId: id.optional(), signature: signatureInput }),
    output: meetingDetail,
    access: 'meetings.write',
    write: true,
    summary: '参会人员签字：签字板（PNG）或纸质签字（上传签字页扫描件）；全部签字后会议记录锁定',
  }),
  'meetings.clearSignatures': method({
    input: z.strictObject({ meetingId: id, reason: requiredText(500) }),
    output: meetingDetail,
    access: 'meetings.write',
    write: true,
    summary: '未锁定的会议记录撤销已有签字以便更正内容（签字记录保留并标记撤销）',
  }),
  'meetings.addendum': method({
    input: z.strictObject({
      meetingId: id,
      date: isoDate,
      text: requiredText(2000),
      reason: requiredText(1000),
      corrections: z.array(z.strictObject({ itemId: id, votes: votes.optional(), outcome: z.enum(['pass', 'fail']).optional(), proposal: shortText(30).optional() })).max(50).default([]),
      signerIds: z.array(id).min(1).max(200),
    }),
    output: meetingDetail,
    access: 'meetings.write',
    write: true,
    summary: '已锁定的会议记录添加补充说明（更正），由指定参会人员签字后生效',
  }),
};
