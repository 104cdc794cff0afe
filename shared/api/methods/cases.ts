import { z } from 'zod';
import { method } from '../define';
import { id, isoDate, pageOf, pageRequest, requiredText, shortText } from '../schemas/common';
import { caseDetail, caseKind, caseRow, colourSchema, criteriaPreview, eliminationMode, stepData, stepKey } from '../schemas/procedures';

// 识别纳入 and 风险消除 cases (DOMAIN §5). Every act goes through the domain machine
// (shared/domain/workflow/machine.ts), which refuses skipped steps, missing permissions and broken
// rules with workflow_rule errors in Chinese. Access here is only "may see cases"; the profile's
// actionPermissions decide who may perform each act.

const caseRef = { caseId: id, rowVersion: z.number().int().min(1).optional() };

export const caseFilter = z
  .strictObject({
    kind: caseKind.optional(),
    step: stepKey.optional(),
    villageId: id.optional(),
    householdId: id.optional(),
    /** default: open cases only */
    status: z.enum(['open', 'closed', 'all']).default('open'),
    /** overdue = orange, dueSoon = yellow (due within 1 working day), attention = either */
    due: z.enum(['overdue', 'dueSoon', 'attention']).optional(),
  })
  .default({ status: 'open' });

export const casesMethods = {
  'cases.open': method({
    input: z.strictObject({
      householdId: id,
      kind: caseKind,
      openedOn: isoDate.optional(),
      /** 风险消除方式 (elimination only; default 帮扶消除). */
      mode: eliminationMode.optional(),
      /** Start an elimination despite failed criteria (风险消除条件特批): permitted roles only, with a reason. */
      override: z.strictObject({ reason: requiredText(1000) }).optional(),
    }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '发起识别纳入（或风险再标注）/ 风险消除案件；风险消除先按条件检查，同一户同类案件只能有一件在办',
  }),
  'cases.get': method({
    input: z.strictObject({ id }),
    output: caseDetail,
    access: 'cases.read',
    write: false,
    summary: '一件案件：各步骤数据、办理经过、时限、可用的评议会议和公示',
  }),
  'cases.advance': method({
    input: z.strictObject({
      ...caseRef,
      step: stepKey,
      /** The step's data as the domain defines it. 民主评议: {meetingId}; 公示: {noticeId}. */
      data: stepData,
      /** Grade colour to set when 县级审定 approves or eliminates (default: kept; orange when none). */
      colour: colourSchema.optional(),
    }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '办理当前步骤（不能跳步）；县级审定通过时更新农户状态、类别、风险类型和监测起始日期',
  }),
  'cases.sendBack': method({
    input: z.strictObject({ ...caseRef, toStep: stepKey, reason: requiredText(1000), date: isoDate.optional() }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '退回到之前的步骤（须写明原因；退回步骤及之后的数据清空，办理经过保留）',
  }),
  'cases.withdraw': method({
    input: z.strictObject({ ...caseRef, reason: requiredText(1000) }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '撤销在办案件（误发起、农户迁出等），须写明原因',
  }),
  'cases.greenChannel': method({
    input: z.strictObject({ ...caseRef, reason: requiredText(1000), assistanceStartedOn: isoDate }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '绿色通道（先帮扶后认定）：仅限本地口径允许的风险等级，须在时限内补齐全部程序',
  }),
  'cases.revert': method({
    input: z.strictObject({ ...caseRef, date: isoDate, reason: requiredText(1000), docNumber: shortText(100).optional() }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '风险消除回退：农户恢复为监测中，之后可重新发起风险消除',
  }),
  'cases.countyFollowUp': method({
    input: z.strictObject({ ...caseRef, systemEntryDate: isoDate.optional(), announcementDate: isoDate.optional(), docNumber: shortText(100).optional() }),
    output: caseDetail,
    access: 'cases.read',
    write: true,
    summary: '县级审定后补录录入系统日期、公告日期、文号',
  }),
  'cases.list': method({
    input: z.strictObject({ filter: caseFilter, ...pageRequest }),
    output: pageOf(caseRow).extend({ today: z.string() }),
    access: 'cases.read',
    write: false,
    summary: '案件工作清单：当前步骤及其时限（1 个工作日内到期黄色，逾期橙色），可按类型、步骤、村、逾期筛选',
  }),
  'cases.criteria': method({
    input: z.strictObject({ householdId: id, mode: eliminationMode.default('帮扶消除') }),
    output: criteriaPreview,
    access: 'cases.read',
    write: false,
    summary: '风险消除条件预检：识别满 6 个月、收入、两不愁三保障及饮水、帮扶措施、劳动能力，逐项说明',
  }),
};
