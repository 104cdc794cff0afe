import { z } from 'zod';
import type { PublicNotice } from '../../domain/notice';
import { method } from '../define';
import { id, isoDate, pageOf, pageRequest, requiredText, shortText } from '../schemas/common';
import { caseKind, objectionRow } from '../schemas/procedures';

// 公示 built from a locked meeting's passed items (shared/domain/notice.ts): entries carry only 户主,
// 村组 and the proposal — never ID numbers, phones, bank accounts or health status. Objections are
// recorded per listed household and must all be resolved before 镇街审核.

export const noticeDetail = z.object({
  id,
  villageId: id,
  notice: z.custom<PublicNotice>(),
  caseIds: z.array(id),
  /** Posting state at the server's today: notStarted / posting / ended (may be closed from closableFrom). */
  state: z.enum(['notStarted', 'posting', 'ended']),
  closableFrom: z.string(),
  objections: z.array(objectionRow),
  rowVersion: z.number().int(),
  updatedAt: z.string(),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const noticeRow = z.object({
  id,
  kind: caseKind,
  meetingId: id,
  villageId: id,
  villageName: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  closableFrom: z.string(),
  place: z.string(),
  entryCount: z.number().int(),
  objectionCount: z.number().int(),
  openObjectionCount: z.number().int(),
  state: z.enum(['notStarted', 'posting', 'ended']),
  /** Colour of the approaching end (yellow within 1 working day); null once ended. */
  dueStatus: z.enum(['ok', 'dueSoon', 'overdue']).nullable(),
});
export type NoticeRow = z.infer<typeof noticeRow>;

export const noticesMethods = {
  'notices.create': method({
    input: z.strictObject({
      meetingId: id,
      kind: caseKind,
      postedOn: isoDate,
      place: requiredText(200),
      objectionContact: requiredText(200),
      title: shortText(100).optional(),
    }),
    output: noticeDetail,
    access: 'cases.read',
    write: true,
    summary: '按已锁定会议记录的评议结果生成公示（仅户主、村组、拟认定类别/消除方式），公示天数按地方口径',
  }),
  'notices.get': method({
    input: z.strictObject({ id }),
    output: noticeDetail,
    access: 'cases.read',
    write: false,
    summary: '一份公示及其异议处理情况',
  }),
  'notices.list': method({
    input: z.strictObject({
      filter: z.strictObject({ villageId: id.optional(), kind: caseKind.optional(), active: z.boolean().optional(), meetingId: id.optional(), caseId: id.optional() }).default({}),
      ...pageRequest,
    }),
    output: pageOf(noticeRow).extend({ today: z.string() }),
    access: 'cases.read',
    write: false,
    summary: '公示列表（公示中的按到期日排序），含异议数和未处理异议数',
  }),
  'notices.addObjection': method({
    input: z.strictObject({ noticeId: id, caseId: id, date: isoDate, objectionText: requiredText(2000), raisedBy: shortText(50).optional() }),
    output: noticeDetail,
    access: 'cases.read',
    write: true,
    summary: '登记公示期间对某户提出的异议',
  }),
  'notices.resolveObjection': method({
    input: z.strictObject({ objectionId: id, investigation: requiredText(2000), result: requiredText(1000) }),
    output: noticeDetail,
    access: 'cases.read',
    write: true,
    summary: '记录异议的调查核实情况和处理结果（处理完毕后方可镇街审核）',
  }),
};
