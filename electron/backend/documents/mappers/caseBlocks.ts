/**
 * The procedure's recorded acts (case state, shared/domain/workflow) → the blocks the approval and
 * elimination forms print: 入户核实, 民主评议, 村内公示, 乡镇/县 opinions. An act not yet recorded
 * leaves its block empty for a pen.
 */
import type { DeliberateData, NoticeData, VerifyData } from '../../../../shared/domain/workflow/steps';
import { addCalendarDays } from '../../../../shared/domain/deadlines';
import type { CaseRecord } from '../../repos/cases';
import { loadMeeting } from '../../repos/meetings';
import { getNotice } from '../../repos/notices';
import type { ApprovalVM, PostingPeriodVM, SignedPersonVM, VoteSummaryVM } from '../model';
import { markSignature, type MapContext } from './context';

type AnySteps = {
  verify?: VerifyData;
  deliberate?: DeliberateData;
  notice?: NoticeData;
  townshipReview?: { decision: 'pass'; date: string; reviewer: string; opinion: string };
  countyDecision?: { decision: string; date: string; docNumber?: string; opinion?: string; reason?: string; systemEntryDate?: string; announcementDate?: string };
};

export const stepsOf = (c: CaseRecord | undefined): AnySteps => (c?.state.steps ?? {}) as AnySteps;

/**
 * 入户核实人. The procedure records verifiers by name only (no pad signature per verifier), so their
 * boxes stay empty for a pen; the household's own mark is a separate signature (householdMark).
 */
export const verifiersOf = (c: CaseRecord | undefined): SignedPersonVM[] =>
  (stepsOf(c).verify?.verifiers ?? []).map((v) => ({ 姓名: v.name, ...(v.unit ? { 身份: v.unit } : {}) }));

export const householdMarkAtVerify = (ctx: MapContext, c: CaseRecord | undefined) => markSignature(ctx, stepsOf(c).verify?.householdMark);

/** 民主评议 summary: the votes of the case's item and the meeting's attendance. */
export function voteSummary(ctx: MapContext, c: CaseRecord | undefined): VoteSummaryVM | undefined {
  const d = stepsOf(c).deliberate;
  if (!d) return undefined;
  const attendees = loadMeeting(ctx.db, d.meetingId)?.meeting.attendees.length ?? d.votes.agree + d.votes.disagree + d.votes.abstain;
  return {
    评议日期: d.date,
    应到人数: attendees,
    实到人数: attendees,
    同意: d.votes.agree,
    不同意: d.votes.disagree,
    弃权: d.votes.abstain,
    评议结果: d.outcome === 'pass' ? '通过' : '不通过',
  };
}

/** 拟认定类别 as deliberated: the meeting item's proposal for this case. */
export function proposalAtMeeting(ctx: MapContext, c: CaseRecord | undefined): string | undefined {
  const d = stepsOf(c).deliberate;
  if (!d || !c) return undefined;
  return loadMeeting(ctx.db, d.meetingId)?.items.find((i) => i.caseId === c.id)?.proposal;
}

/** 村内公示 period and how objections were handled. */
export function postingPeriod(ctx: MapContext, c: CaseRecord | undefined): PostingPeriodVM | undefined {
  const n = stepsOf(c).notice;
  if (!n) return undefined;
  const stored = n.noticeId ? getNotice(ctx.db, n.noticeId) : undefined;
  const end = stored?.notice.endDate ?? addCalendarDays(n.startDate, n.days);
  const handled = n.objections.map((o) => [o.investigation, o.result].filter(Boolean).join('，')).filter(Boolean);
  return {
    // inclusive span as printed (「至……（共N天）」): counting starts the day after posting (notice.ts)
    开始日期: addCalendarDays(n.startDate, 1),
    结束日期: end,
    有异议: n.objections.length > 0,
    ...(handled.length > 0 ? { 异议处理: handled.join('；') } : {}),
  };
}

/** 乡（镇、街道）审核意见 from the recorded 镇街审核. */
export function townshipOpinion(c: CaseRecord | undefined): ApprovalVM | undefined {
  const t = stepsOf(c).townshipReview;
  if (!t) return undefined;
  return { 同意: true, 意见: t.opinion, 经办人: t.reviewer, 日期: t.date };
}

/** 县级审定意见 from the recorded decision (a township install records the county's written reply). */
export function countyOpinion(c: CaseRecord | undefined): ApprovalVM | undefined {
  const d = stepsOf(c).countyDecision;
  if (!d) return undefined;
  const agreed = d.decision !== 'reject';
  const opinion = agreed ? d.opinion : d.reason;
  return { 同意: agreed, ...(opinion ? { 意见: opinion } : {}), 日期: d.date, ...(d.docNumber ? { 文号: d.docNumber } : {}) };
}

/** Labels of the steps completed so far (不予纳入告知书: 已开展的程序). */
export function completedStepLabels(c: CaseRecord): string[] {
  const labels: Record<string, string> = { apply: '受理申请', propose: '提出名单', verify: '入户核实', deliberate: '民主评议', notice: '村内公示', townshipReview: '乡镇审核', countyDecision: '县级审定' };
  const done = new Set(c.state.history.filter((h) => h.event === 'completed' && h.step).map((h) => h.step as string));
  return Object.keys(labels).filter((k) => done.has(k)).map((k) => labels[k]);
}
