// 公示 (village public notice) built from a meeting's outcomes.
//
// PRIVACY (DOMAIN §9, 秦安县 rule "公示公告中不得公开农户身份证件号码、手机号、银行账号、健康状况等敏感信息"):
// an entry has exactly three fields — 户主, 村组, proposed category/outcome. The builder copies those
// three fields by name (never spreads a household or item object), the stored-notice schema is strict
// (unknown keys are refused), and entries containing a run of 7+ digits (ID, phone, bank account) are
// refused. Health status has no field to travel in; the meeting item's 主要情况 (which may name an
// illness) is deliberately not copied.
//
// PERIOD. Seed and Hunan: "公示7天" in calendar days; a province may count working days
// (ProcedureRules.publicNoticeDayKind). Following 民法典 第二百零一条 the posting day is not counted:
// a 7-day notice posted 2026-03-02 runs to the end of 2026-03-09 (end = start + N), and the 公示 may be
// closed, and 镇街审核 held, from 2026-03-10.
import { z } from 'zod';
import { addCalendarDays, addWorkingDays, compareDates, type DateString } from './deadlines';
import { workflowRule } from './errors';
import { isLocked, passedItems, type Meeting } from './meeting';
import type { CaseKind } from './workflow/caseState';
import type { ProcedureRules } from './workflow/rules';
import { calendarDate } from './workflow/steps';

export type NoticeKind = CaseKind;

export interface NoticePeriod {
  startDate: DateString;
  /** Last day of the 公示 (inclusive). */
  endDate: DateString;
  /** First day the 公示 may be closed and reported up. */
  closableFrom: DateString;
}

export function noticePeriod(startDate: DateString, days: number, rules: Pick<ProcedureRules, 'publicNoticeDayKind' | 'localHolidays' | 'localWorkdays'>): NoticePeriod {
  const endDate = rules.publicNoticeDayKind === 'working' ? addWorkingDays(startDate, days, rules) : addCalendarDays(startDate, days);
  return { startDate, endDate, closableFrom: addCalendarDays(endDate, 1) };
}

const entryText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/\d{7,}/.test(s.replace(/[\s-]/g, '')), { message: '公示内容不得包含身份证号、电话、银行账号等号码。' });

/** One line of the posted list. Nothing else may be added: see the privacy note above. */
export const noticeEntrySchema = z.strictObject({
  headName: entryText(50),
  villageGroup: entryText(50),
  proposal: entryText(30),
});
export type NoticeEntry = Readonly<z.output<typeof noticeEntrySchema>>;

export const publicNoticeSchema = z.strictObject({
  kind: z.enum(['identification', 'elimination']),
  meetingId: z.string().min(1).max(64),
  villageName: z.string().trim().min(1).max(50),
  title: z.string().trim().min(1).max(100),
  startDate: calendarDate,
  endDate: calendarDate,
  days: z.number().int().min(1).max(60),
  dayKind: z.enum(['calendar', 'working']),
  place: z.string().trim().min(1).max(200),
  /** Where and how to raise an objection: the village committee's or township's office line, not a household's. */
  objectionContact: z.string().trim().min(1).max(200),
  entries: z.array(noticeEntrySchema).min(1).max(500),
});
export type PublicNotice = z.output<typeof publicNoticeSchema>;

export interface NoticeOptions {
  kind: NoticeKind;
  startDate: DateString;
  place: string;
  objectionContact: string;
  title?: string;
}

const DEFAULT_TITLES: Record<NoticeKind, string> = {
  identification: '拟纳入防止返贫监测对象名单公示',
  elimination: '拟消除风险监测对象名单公示',
};

/** Copies exactly the three public fields of a passed item. */
const toEntry = (item: { headName: string; villageGroup: string; proposal: string }): NoticeEntry => ({
  headName: item.headName,
  villageGroup: item.villageGroup,
  proposal: item.proposal,
});

/**
 * Builds the 公示 of one kind from locked minutes: the items of that kind that passed (after signed
 * addenda). Length and day kind come from the profile rules.
 */
export function buildNotice(meeting: Meeting, options: NoticeOptions, rules: ProcedureRules): PublicNotice {
  if (!isLocked(meeting)) throw workflowRule('会议记录尚未全部签字，不能据此公示。请先完成参会人员签字。');
  if (compareDates(options.startDate, meeting.date) < 0) throw workflowRule(`公示开始日期不能早于评议会议日期 ${meeting.date}。`);
  const entries = passedItems(meeting, options.kind).map(toEntry);
  if (entries.length === 0) {
    throw workflowRule(`本次会议没有评议通过的${options.kind === 'identification' ? '拟纳入' : '拟消除风险'}户，无需公示。`);
  }
  const period = noticePeriod(options.startDate, rules.publicNoticeDays, rules);
  const notice: PublicNotice = {
    kind: options.kind,
    meetingId: meeting.id,
    villageName: meeting.villageName,
    title: options.title ?? `${meeting.villageName}${DEFAULT_TITLES[options.kind]}`,
    startDate: period.startDate,
    endDate: period.endDate,
    days: rules.publicNoticeDays,
    dayKind: rules.publicNoticeDayKind,
    place: options.place,
    objectionContact: options.objectionContact,
    entries,
  };
  // Re-parse: enforces the strict shape and the no-digits rule on what we are about to post.
  const parsed = publicNoticeSchema.safeParse(notice);
  if (!parsed.success) throw workflowRule(`公示内容不符合要求：${parsed.error.issues.map((i) => i.message).join('；')}`);
  return parsed.data;
}
