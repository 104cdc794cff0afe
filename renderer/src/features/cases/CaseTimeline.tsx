import { Timeline } from 'antd';
import type { CaseState, HistoryEntry } from '../../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type StepKey } from '../../../../shared/domain/workflow/rules';
import { chinaTime } from './procedureUi';

// The case's history as the domain recorded it (never rewritten): what happened, on which day, who
// recorded it and when, and the key facts of each step.

const EVENT_LABELS: Record<HistoryEntry['event'], string> = {
  opened: '发起案件',
  completed: '办理',
  sentBack: '退回',
  objectionsUpdated: '更新公示异议',
  countyFollowUp: '补录县级审定信息',
  greenChannel: '开通绿色通道',
  withdrawn: '撤销案件',
  reverted: '风险消除回退',
};

const step = (s: StepKey | undefined) => (s ? `「${STEP_LABELS[s]}」` : '');

type D = Record<string, unknown>;

/** One line of the most telling facts of a step's data. */
export function stepFacts(s: StepKey | undefined, data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const d = data as D;
  switch (s) {
    case 'apply':
      return `申请人 ${String(d.applicantName)}，受理人 ${String(d.receivedBy)}`;
    case 'propose':
      return `${String(d.mode)}；${String(d.basis)}`;
    case 'verify':
      return `核实人员：${(d.verifiers as { name: string }[]).map((v) => v.name).join('、')}${d.findings ? `；${String(d.findings)}` : ''}`;
    case 'deliberate': {
      const v = d.votes as { agree: number; disagree: number; abstain: number };
      return `评议${d.outcome === 'pass' ? '通过' : '未通过'}（同意 ${v.agree}、不同意 ${v.disagree}、弃权 ${v.abstain}）`;
    }
    case 'townshipReview':
      return d.decision === 'pass' ? `审核人 ${String(d.reviewer)}：${String(d.opinion)}` : '';
    case 'countyDecision':
      if (d.decision === 'reject') return `不予通过：${String(d.reason)}`;
      return [d.category, Array.isArray(d.risks) ? (d.risks as string[]).join('、') : d.mode, d.docNumber].filter(Boolean).join('；');
    default:
      return '';
  }
}

function entryText(h: HistoryEntry): string {
  if (h.event === 'completed') return `${EVENT_LABELS.completed}${step(h.step)}`;
  if (h.event === 'sentBack') return `${step(h.step)}退回到${step(h.toStep)}`;
  return EVENT_LABELS[h.event];
}

export function CaseTimeline({ state }: { state: CaseState }) {
  const items = [...state.history].reverse().map((h) => ({
    key: h.seq,
    color: h.event === 'sentBack' || h.event === 'withdrawn' || h.event === 'reverted' ? 'orange' : h.event === 'completed' ? 'green' : 'blue',
    content: (
      <div>
        <b>{h.date}</b> {entryText(h)}
        <div className="gl-muted" style={{ fontSize: 13 }}>
          {h.recordedBy.name} 于 {chinaTime(h.recordedAt)} 录入
        </div>
        {h.note && <div>{h.note}</div>}
        {h.event === 'completed' && stepFacts(h.step, h.data) && <div>{stepFacts(h.step, h.data)}</div>}
      </div>
    ),
  }));
  return <Timeline items={items} data-testid="case-timeline" />;
}
