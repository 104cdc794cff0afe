/**
 * The one-line records of procedure steps that 审批表 and 风险消除评估表 both print
 * (民主评议 votes, 村内公示 period, 入户核实 team), with blanks for a pen when a step is not yet done.
 */
import type { ParagraphChild } from 'docx';
import { checkboxes, formatChineseDate, PT, run, signRoleRuns, BLANK_DATE } from '../layout';
import type { PostingPeriodVM, SignedPersonVM, VoteSummaryVM } from '../model';
import { inclusiveDays } from './common';

const BLANK_NUMBER = '\u3000\u3000';

export function voteText(v: VoteSummaryVM | undefined): string {
  if (!v) {
    return `评议日期${BLANK_DATE}；应到${BLANK_NUMBER}人，实到${BLANK_NUMBER}人；同意${BLANK_NUMBER}票，不同意${BLANK_NUMBER}票；评议结果：${checkboxes(['通过', '不通过'], undefined, ' ')}`;
  }
  const abstain = v.弃权 === undefined ? '' : `，弃权${v.弃权}票`;
  return `评议日期${formatChineseDate(v.评议日期)}；应到${v.应到人数}人，实到${v.实到人数}人；同意${v.同意}票，不同意${v.不同意}票${abstain}；评议结果：${checkboxes(['通过', '不通过'], v.评议结果, ' ')}`;
}

export function postingText(p: PostingPeriodVM | undefined, minDays: number): string {
  if (!p) {
    return `${BLANK_DATE}至${BLANK_DATE}（不少于${minDays}天）；${checkboxes(['无异议', '有异议，经调查核实已处理'], undefined, ' ')}`;
  }
  const outcome = checkboxes(['无异议', '有异议，经调查核实已处理'], p.有异议 ? '有异议，经调查核实已处理' : '无异议', ' ');
  const handled = p.有异议 && p.异议处理 ? `：${p.异议处理}` : '';
  return `${formatChineseDate(p.开始日期)}至${formatChineseDate(p.结束日期)}（共${inclusiveDays(p.开始日期, p.结束日期)}天）；${outcome}${handled}`;
}

/** 「核实日期：…；核实人（签字）：[sig] [sig]」 as runs for a grid cell. */
export function visitRuns(date: string | undefined, people: readonly SignedPersonVM[], size: number = PT.小四): ParagraphChild[] {
  const team = people.length > 0 ? people : [{ 姓名: '' }, { 姓名: '' }];
  const signers = team.flatMap((p, i) => {
    const parts = signRoleRuns({ label: '', name: p.姓名 || undefined, signature: p }, size).slice(1);
    return i === 0 ? parts : [run('\u3000', { size }), ...parts];
  });
  return [run(`核实日期：${formatChineseDate(date)}；核实人（签字）：`, { size }), ...signers];
}
