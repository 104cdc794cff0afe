// 识别纳入: opening a case and the 绿色通道 (先帮扶后认定) for red households. The steps themselves
// run through machine.ts `advance`: 提交申请 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定.
import { z } from 'zod';
import { addWorkingDays, chinaDateOf, compareDates, type DateString } from '../deadlines';
import { workflowRule } from '../errors';
import type { CaseState, CaseSummary, IdentificationCase, WorkflowContext } from './caseState';
import { assertInProgress, assertNoOpenCaseOfKind, assertPermitted, withHistory } from './caseState';
import { calendarDate } from './steps';
import { parseOrThrow } from './validate';

export interface OpenCaseInput {
  caseId: string;
  householdId: string;
  /** The household's other cases, so a second running case of the same kind is refused. */
  existingCases: readonly CaseSummary[];
  /** When the case started (e.g. the day the lead was found true); default: today in China. */
  openedOn?: DateString;
}

/** The opening day: given or today, never in the future. */
export function openingDate(input: Pick<OpenCaseInput, 'openedOn'>, ctx: WorkflowContext): DateString {
  const today = chinaDateOf(ctx.now);
  const openedOn = input.openedOn ?? today;
  if (compareDates(openedOn, today) > 0) throw workflowRule(`案件开始日期 ${openedOn} 晚于今天（${today}），请核对。`);
  return openedOn;
}

export function openIdentificationCase(input: OpenCaseInput, ctx: WorkflowContext): IdentificationCase {
  assertPermitted(ctx, 'apply');
  assertNoOpenCaseOfKind(input.existingCases, 'identification');
  const openedOn = openingDate(input, ctx);
  const state: IdentificationCase = {
    kind: 'identification',
    caseId: input.caseId,
    householdId: input.householdId,
    openedOn,
    status: 'inProgress',
    awaiting: 'apply',
    steps: {},
    history: [],
  };
  return withHistory(state, { event: 'opened', date: openedOn }, ctx);
}

const COLOUR_NAMES: Record<string, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
const colourName = (c: string): string => COLOUR_NAMES[c] ?? c;

export const greenChannelSchema = z.strictObject({
  /** The household's current grade colour (grading table key). */
  grade: z.string().min(1).max(20),
  reason: z.string().trim().min(1).max(1000),
  assistanceStartedOn: calendarDate,
});

/**
 * 绿色通道: assistance (临时救助) has started before the paperwork; every step is still required,
 * and all must be done by `completeBy` (greenChannelWorkingDays after the assistance started).
 */
export function openGreenChannel(state: CaseState, input: unknown, ctx: WorkflowContext): IdentificationCase {
  if (state.kind !== 'identification') throw workflowRule('绿色通道只适用于识别纳入案件。');
  assertInProgress(state, '开通绿色通道');
  assertPermitted(ctx, 'greenChannel');
  if (state.greenChannel) throw workflowRule(`该案件已于 ${state.greenChannel.assistanceStartedOn} 开通绿色通道。`);
  const data = parseOrThrow(greenChannelSchema, input, '绿色通道');
  if (!ctx.rules.greenChannelColours.includes(data.grade)) {
    const allowed = ctx.rules.greenChannelColours.map(colourName).join('、') || '（未配置）';
    throw workflowRule(`绿色通道仅适用于${allowed}等级的农户，该户当前为${colourName(data.grade)}，请按正常程序办理。`);
  }
  const today = chinaDateOf(ctx.now);
  if (compareDates(data.assistanceStartedOn, today) > 0) throw workflowRule(`开始救助日期 ${data.assistanceStartedOn} 晚于今天，请填写实际日期。`);
  const completeBy = addWorkingDays(data.assistanceStartedOn, ctx.rules.greenChannelWorkingDays, ctx.rules);
  const next: IdentificationCase = { ...state, greenChannel: { ...data, completeBy } };
  return withHistory(next, { event: 'greenChannel', date: data.assistanceStartedOn, note: `${data.reason}；须于 ${completeBy} 前补齐全部程序`, data }, ctx);
}
