/**
 * The household's procedure history as plain text for the 一户一档 zip (流程记录.txt): each case with
 * its kind and outcome, then every recorded act in order — what, when it happened, who recorded it.
 */
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseKind, type CaseStatus, type HistoryEvent } from '../../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type StepKey } from '../../../../shared/domain/workflow/rules';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import type { CaseRecord } from '../../repos/cases';
import type { TimelineRow } from '../../repos/documentsRead';

const EVENT_LABELS: Record<HistoryEvent, string> = {
  opened: '发起',
  completed: '完成',
  sentBack: '退回',
  objectionsUpdated: '登记公示异议',
  countyFollowUp: '补录县级审定信息',
  greenChannel: '启用绿色通道',
  withdrawn: '撤销',
  reverted: '风险消除回退',
};

const stepName = (s: string | null) => (s ? `「${STEP_LABELS[s as StepKey] ?? s}」` : '');

function line(r: TimelineRow): string {
  const what = r.event === 'sentBack' ? `${stepName(r.step)}退回至${stepName(r.toStep)}` : `${EVENT_LABELS[r.event as HistoryEvent] ?? r.event}${stepName(r.step)}`;
  const note = r.note ? `；${r.note.replace(/\s+/g, ' ')}` : '';
  return `  ${r.actDate}  ${what}（${r.recordedBy} 于 ${chinaDateTime(r.recordedAt)} 录入）${note}`;
}

export function timelineText(headName: string, cases: readonly CaseRecord[], rows: readonly TimelineRow[], printedAt: Date): string {
  const out = [`${headName}户 流程记录`, `导出时间：${chinaDateTime(printedAt)}`, ''];
  if (cases.length === 0) out.push('该户没有识别纳入或风险消除案件。');
  const oldestFirst = [...cases].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  for (const c of oldestFirst) {
    const status = CASE_STATUS_LABELS[c.outcome as CaseStatus] ?? c.outcome;
    out.push(`【${CASE_KIND_LABELS[c.kind as CaseKind]}】发起于 ${c.openedOn}，${c.status === 'open' ? '办理中' : `已办结（${status}）`}${c.closedOn ? `，办结于 ${c.closedOn}` : ''}`);
    out.push(...rows.filter((r) => r.caseId === c.id).map(line), '');
  }
  return `\ufeff${out.join('\r\n')}\r\n`;
}
