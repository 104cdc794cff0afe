import type { ColDef } from 'ag-grid-community';
import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CaseRow } from '../../../../shared/api/schemas/procedures';
import { ELIMINATION_STEPS, IDENTIFICATION_STEPS, STEP_LABELS, type StepKey } from '../../../../shared/domain/workflow/rules';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ColourCell } from '../register/registerCells';
import { useDivisions } from '../register/useDivisions';
import { OpenCaseModal } from './OpenCaseModal';
import { ProcedureGrid } from './ProcedureGrid';
import { DueTag } from './procedureUi';

type Kind = 'identification' | 'elimination';
interface Filter {
  step?: StepKey;
  villageId?: string;
  status: 'open' | 'closed' | 'all';
  due?: 'overdue' | 'dueSoon' | 'attention';
}

const TITLES: Record<Kind, { title: string; flow: string; empty: string }> = {
  identification: {
    title: '识别纳入',
    flow: '提交申请 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定',
    empty: '没有在办的识别纳入案件。线索核实属实后在“线索与预警”中转入，或点击“发起识别纳入”。',
  },
  elimination: {
    title: '风险消除',
    flow: '提出名单 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定',
    empty: '没有在办的风险消除案件。监测满 6 个月且符合条件的农户，点击“发起风险消除”。',
  },
};

function caseColumns(kind: Kind): ColDef<CaseRow>[] {
  return [
    { headerName: '户主', field: 'headName', width: 110, cellRenderer: (p: { data?: CaseRow }) => p.data && <a onClick={() => navigate(`/case/${p.data!.id}`)}>{p.data.headName}</a> },
    { headerName: '村/组', width: 140, valueGetter: (p) => (p.data ? `${p.data.villageName}${p.data.groupName ?? ''}` : '') },
    { headerName: '风险等级', field: 'colour', width: 100, cellRenderer: ColourCell },
    {
      headerName: '当前步骤',
      field: 'currentStepLabel',
      width: 160,
      cellRenderer: (p: { data?: CaseRow }) =>
        p.data && (
          <Space size={4}>
            {p.data.currentStepLabel ?? p.data.outcomeLabel}
            {p.data.greenChannel && <Tag color="green">绿色通道</Tag>}
            {p.data.remark && <Tag color="purple">再标注</Tag>}
          </Space>
        ),
    },
    { headerName: '本步时限', field: 'stepDue', width: 120, valueFormatter: (p) => (p.value as string | null) ?? (p.data?.status === 'open' ? '无时限' : '—') },
    ...(kind === 'identification' ? [{ headerName: '全程时限', field: 'wholeDue', width: 120 } as ColDef<CaseRow>] : [{ headerName: '消除方式', field: 'mode', width: 110 } as ColDef<CaseRow>]),
    { headerName: '最近到期', field: 'nextDue', width: 180, cellRenderer: (p: { data?: CaseRow }) => p.data && (p.data.status === 'open' ? <DueTag due={p.data.nextDue} status={p.data.dueStatus} /> : '—') },
    { headerName: '发起日期', field: 'openedOn', width: 120 },
    { headerName: '状态', field: 'outcomeLabel', width: 150 },
    { headerName: '办结日期', field: 'closedOn', width: 120 },
  ];
}

function CaseWorklist({ kind }: { kind: Kind }) {
  const session = useSession();
  const { villages } = useDivisions();
  const [filter, setFilter] = useState<Filter>({ status: 'open' });
  const [total, setTotal] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  const columns = useMemo(() => caseColumns(kind), [kind]);
  const steps = kind === 'identification' ? IDENTIFICATION_STEPS : ELIMINATION_STEPS;
  const t = TITLES[kind];
  const canOpen = session.can('cases.village');

  // Later blocks skip the count (withTotal false); ProcedureGrid reports the count through onTotal.
  const fetch = (startRow: number, endRow: number, withTotal: boolean) => api.call('cases.list', { filter: { kind, ...filter }, startRow, endRow, withTotal });

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>
          {t.title} {total !== null && <span className="gl-muted" style={{ fontSize: 14, fontWeight: 400 }}>共 {total} 件 · {t.flow}</span>}
        </h2>
        {canOpen && (
          <Button type="primary" onClick={() => setOpening(true)}>
            发起{t.title}
          </Button>
        )}
      </div>
      <Space wrap className="gl-no-print">
        <Select style={{ width: 130 }} value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} aria-label="按状态筛选" options={[{ value: 'open', label: '在办' }, { value: 'closed', label: '已办结' }, { value: 'all', label: '全部' }]} />
        <Select style={{ width: 150 }} allowClear placeholder="当前步骤" value={filter.step} onChange={(v) => setFilter((f) => ({ ...f, step: v }))} aria-label="按步骤筛选" options={steps.map((s) => ({ value: s, label: STEP_LABELS[s] }))} />
        <Select style={{ width: 140 }} allowClear placeholder="行政村" value={filter.villageId} onChange={(v) => setFilter((f) => ({ ...f, villageId: v }))} aria-label="按村筛选" options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Select style={{ width: 170 }} allowClear placeholder="时限" value={filter.due} onChange={(v) => setFilter((f) => ({ ...f, due: v }))} aria-label="按时限筛选" options={[{ value: 'overdue', label: '已逾期（橙色）' }, { value: 'dueSoon', label: '即将到期（黄色）' }, { value: 'attention', label: '逾期或即将到期' }]} />
      </Space>
      <ProcedureGrid<CaseRow> testId={`${kind}-cases-grid`} fetch={fetch} onTotal={setTotal} columns={columns} reloadKey={JSON.stringify(filter)} onOpen={(r) => navigate(`/case/${r.id}`)} empty={t.empty} />
      <OpenCaseModal kind={kind} open={opening} onClose={() => setOpening(false)} />
    </div>
  );
}

export function IdentificationCasesPage(_props: { params?: Record<string, string> }) {
  return <CaseWorklist kind="identification" />;
}

export function EliminationCasesPage(_props: { params?: Record<string, string> }) {
  return <CaseWorklist kind="elimination" />;
}
