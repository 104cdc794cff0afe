/**
 * Village-level documents: 民主评议会议记录 (with each attendee's pad signature), the 公示 built from a
 * meeting (shared/domain/notice.ts PublicNotice, English keys → the builder's PublicNoticeVM) and the
 * county/township 公告 of the households the county then approved.
 */
import { chinaDate } from '../../../../shared/domain/chinaTime';
import { addCalendarDays } from '../../../../shared/domain/deadlines';
import { notFound, workflowRule } from '../../../../shared/domain/errors';
import { effectiveItems, type Signature } from '../../../../shared/domain/meeting';
import { getCase } from '../../repos/cases';
import { memberCounts } from '../../repos/documentsRead';
import { getHousehold } from '../../repos/households';
import { getMeetingHeader, loadMeeting } from '../../repos/meetings';
import { getNotice, type NoticeRecord } from '../../repos/notices';
import { villageCommittee } from '../forms/common';
import type { AnnouncementVM, AttendeeVM, MeetingMinutesVM, PublicListEntryVM, PublicNoticeVM } from '../model';
import { officeFor, padSignature, type MapContext } from './context';
import { publicRisks } from './publicText';

function attendeeSignature(ctx: MapContext, sig: Signature | undefined): Pick<AttendeeVM, '签名图片' | '纸质签字'> {
  if (!sig) return {};
  return sig.kind === 'pad' ? padSignature(ctx, sig.imageRef) : { 纸质签字: true };
}

const monitoringLine = (ctx: MapContext, date: string) => ctx.profile.income.lines.find((l) => l.year === Number(date.slice(0, 4)))?.monitoringLineFen;

export function minutesModel(ctx: MapContext, meetingId: string): MeetingMinutesVM {
  const loaded = loadMeeting(ctx.db, meetingId);
  if (!loaded) throw notFound('该评议会议记录');
  const { header, meeting, items } = loaded;
  const counts = memberCounts(ctx.db, items.map((i) => i.householdId));
  const householdOf = new Map(items.map((i) => [i.id, i.householdId]));
  const line = monitoringLine(ctx, header.date);
  const addenda = meeting.addenda.map((a) => `补充说明（${a.date}）：${a.text}`);
  return {
    office: { ...officeFor(ctx, header.villageId), 村: header.villageName },
    会议日期: header.date,
    ...(header.time ? { 会议时间: header.time } : {}),
    会议地点: header.place,
    主持人: header.host,
    记录人: header.recorder,
    应到人数: meeting.attendees.length,
    实到人数: meeting.attendees.length,
    ...(line !== undefined ? { 当年监测范围: line } : {}),
    // items as corrected by fully signed addenda
    评议事项: effectiveItems(meeting).map((i) => ({
      户主姓名: i.headName,
      村民小组: i.villageGroup,
      家庭人口数: i.memberCount ?? counts.get(householdOf.get(i.id) ?? '') ?? 0,
      评议事项: i.caseKind === 'identification' ? '纳入' : '风险消除',
      类别或方式: i.proposal,
      主要情况: i.situation ?? '',
      同意: i.votes.agree,
      不同意: i.votes.disagree,
      弃权: i.votes.abstain,
      评议结果: i.outcome === 'pass' ? '通过' : '不通过',
      ...(i.needs ? { 帮扶需求: i.needs } : {}),
    })),
    会议内容: [header.minutesText, ...addenda].filter(Boolean).join('\n\n'),
    参会人员: meeting.attendees.map((a) => ({
      姓名: a.name,
      身份: a.unit ? `${a.role}（${a.unit}）` : a.role,
      ...attendeeSignature(ctx, meeting.signatures.find((s) => s.attendeeId === a.id)),
    })),
    ...(header.lockHash ? { 锁定校验码: header.lockHash } : {}),
    ...(header.lockedAt ? { 锁定日期: chinaDate(header.lockedAt) } : {}),
  };
}

function loadNotice(ctx: MapContext, noticeId: string): NoticeRecord {
  const n = getNotice(ctx.db, noticeId);
  if (!n) throw notFound('该公示');
  return n;
}

/** One posted line, copied field by field (never spread from a record). */
function entry(ctx: MapContext, n: NoticeRecord, index: number, place?: { 乡镇: string; 村: string }): PublicListEntryVM {
  const e = n.notice.entries[index];
  const c = getCase(ctx.db, n.caseIds[index] ?? '');
  const h = c ? getHousehold(ctx.db, c.householdId) : undefined;
  const base = { ...(place ?? {}), 村民小组: e.villageGroup, 户主姓名: e.headName, 家庭人口数: h?.members.length ?? c?.memberCount ?? 0 };
  if (n.notice.kind === 'elimination') return { ...base, 风险消除方式: e.proposal };
  return { ...base, 监测对象类别: e.proposal, 主要风险: publicRisks(ctx, h?.riskTypes ?? []) };
}

/** objectionContact is free text: a phone line goes to 监督电话, a unit name to 异议受理单位. */
const contactParts = (contact: string) => (/\d{5,}|\d{3,4}-\d{5,}/.test(contact) ? { 监督电话: contact } : { 异议受理单位: contact });

export function publicNoticeModel(ctx: MapContext, noticeId: string): PublicNoticeVM {
  const n = loadNotice(ctx, noticeId);
  const meetingDate = getMeetingHeader(ctx.db, n.notice.meetingId)?.date ?? n.notice.startDate;
  return {
    类型: n.notice.kind === 'identification' ? '拟纳入' : '拟消除风险',
    office: { ...officeFor(ctx, n.villageId), 村: n.notice.villageName },
    评议日期: meetingDate,
    // the forms print an inclusive span with its day count; the posting day itself is not counted
    // (notice.ts, 民法典 第二百零一条), so the span starts the day after posting
    公示开始: addCalendarDays(n.notice.startDate, 1),
    公示结束: n.notice.endDate,
    公示地点: n.notice.place,
    ...contactParts(n.notice.objectionContact),
    发布单位: villageCommittee(n.notice.villageName),
    发布日期: n.notice.startDate,
    名单: n.notice.entries.map((_, i) => entry(ctx, n, i)),
  };
}

/**
 * 公告 of the households on a 公示 that the county then approved (纳入) or marked 风险消除, signed by
 * the county department. Dated by the latest decision (or its recorded 公告 date).
 */
export function announcementModel(ctx: MapContext, noticeId: string): AnnouncementVM {
  const n = loadNotice(ctx, noticeId);
  const done = n.notice.kind === 'identification' ? 'approved' : 'eliminated';
  const office = officeFor(ctx, n.villageId);
  const decided = n.caseIds.map((id, i) => ({ i, c: getCase(ctx.db, id) })).filter((x) => x.c?.outcome === done);
  if (decided.length === 0) throw workflowRule(`「${n.notice.title}」中还没有经县级审定${n.notice.kind === 'identification' ? '纳入' : '风险消除'}的农户，暂不能生成公告。`);
  const dates = decided.map(({ c }) => {
    const d = (c!.state.steps as { countyDecision?: { date: string; announcementDate?: string } }).countyDecision;
    return d?.announcementDate ?? d?.date ?? ctx.today;
  });
  const start = dates.sort().at(-1)!;
  const year = Number(start.slice(0, 4));
  const line = monitoringLine(ctx, start);
  const basis = ctx.profile.office.basis || '防止返贫动态监测和帮扶工作有关规定';
  return {
    类型: n.notice.kind === 'identification' ? '纳入' : '风险消除',
    office,
    年度: year,
    依据: `根据${basis}${line !== undefined ? `和${year}年度监测范围（人均纯收入${Math.round(line / 100)}元）` : ''}`,
    公告开始: start,
    公告结束: addCalendarDays(start, ctx.profile.procedure.publicNoticeDays - 1),
    发布单位: `${office.县}农业农村局（乡村振兴局）`,
    发布日期: start,
    名单: decided.map(({ i }) => entry(ctx, n, i, { 乡镇: office.乡镇, 村: n.notice.villageName })),
  };
}
