import type { ColDef } from 'ag-grid-community';
import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { LeadRow } from '../../../../shared/api/schemas/procedures';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useDivisions } from '../register/useDivisions';
import { LeadCreateDrawer } from './LeadCreateDrawer';
import { LeadResolveModal } from './LeadResolveModal';
import { ProcedureGrid } from './ProcedureGrid';
import { chinaTime, DueTag } from './procedureUi';

type LeadFilter = { status?: 'open' | 'awaitingContact' | 'contacted' | 'closedNotEligible' | 'converted'; villageId?: string; due?: 'overdue' | 'dueSoon' | 'attention' };

const STATUS_OPTIONS = [
  { value: 'open', label: '待办（未办结）' },
  { value: 'awaitingContact', label: '待联系核实' },
  { value: 'contacted', label: '已上门核实' },
  { value: 'closedNotEligible', label: '不予纳入' },
  { value: 'converted', label: '已转识别纳入' },
];

/** 线索与预警: every lead with its 48-hour contact due; register, record the visit, resolve. */
export function LeadsPage(_props: { params?: Record<string, string> }) {
  const session = useSession();
  const { villages } = useDivisions();
  const [filter, setFilter] = useState<LeadFilter>({ status: 'open' });
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [resolving, setResolving] = useState<LeadRow | null>(null);
  const [counts, setCounts] = useState<{ overdue: number; dueSoon: number; total: number } | null>(null);
  const canAct = session.can('cases.village');

  const columns = useMemo<ColDef<LeadRow>[]>(
    () => [
      { headerName: '户主', field: 'headName', width: 110, cellRenderer: (p: { data?: LeadRow }) => p.data && <a onClick={() => navigate(`/household/${p.data!.householdId}`)}>{p.data.headName}</a> },
      { headerName: '村', field: 'villageName', width: 90 },
      { headerName: '发现途径', field: 'channelLabel', width: 150, tooltipField: 'channelLabel' },
      { headerName: '反映人', field: 'reporter', width: 110, tooltipField: 'reporter' },
      { headerName: '接报时间', field: 'receivedAt', width: 140, valueFormatter: (p) => chinaTime(p.value as string) },
      { headerName: '困难情况', field: 'summary', flex: 1, minWidth: 140, tooltipField: 'summary' },
      {
        headerName: '核实时限（48 小时）',
        field: 'contactDueAt',
        width: 200,
        cellRenderer: (p: { data?: LeadRow }) => p.data && (p.data.status === 'awaitingContact' ? <DueTag due={p.data.contactDueAt} status={p.data.dueStatus} time /> : p.data.contactedAt ? `已于 ${chinaTime(p.data.contactedAt)} 核实${p.data.late ? '（超时）' : ''}` : '—'),
      },
      { headerName: '状态', field: 'statusLabel', width: 120, cellRenderer: (p: { data?: LeadRow }) => p.data && <Tag color={p.data.status === 'converted' ? 'green' : p.data.status === 'closedNotEligible' ? 'default' : 'processing'}>{p.data.statusLabel}</Tag> },
      {
        headerName: '操作',
        width: 120,
        pinned: 'right',
        cellRenderer: (p: { data?: LeadRow }) => {
          const r = p.data;
          if (!r) return null;
          if (r.caseId) return <a onClick={() => navigate(`/case/${r.caseId}`)}>查看识别纳入</a>;
          if ((r.status === 'awaitingContact' || r.status === 'contacted') && canAct) return <a onClick={() => setResolving(r)}>{r.status === 'awaitingContact' ? '核实并办结' : '办结'}</a>;
          return null;
        },
      },
    ],
    [canAct],
  );

  const fetch = async (startRow: number, endRow: number) => {
    const r = await api.call('leads.list', { filter, startRow, endRow });
    setCounts({ ...r.counts, total: r.total });
    return r;
  };

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>
          线索与预警{' '}
          {counts && (
            <span className="gl-muted" style={{ fontSize: 14, fontWeight: 400 }}>
              共 {counts.total} 条 · 即将到期 {counts.dueSoon} · 逾期 {counts.overdue}
            </span>
          )}
        </h2>
        {canAct && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记线索
          </Button>
        )}
      </div>
      <Space wrap className="gl-no-print">
        <Select style={{ width: 170 }} allowClear placeholder="全部状态" value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} options={STATUS_OPTIONS} aria-label="按状态筛选" />
        <Select style={{ width: 140 }} allowClear placeholder="行政村" value={filter.villageId} onChange={(v) => setFilter((f) => ({ ...f, villageId: v }))} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder="时限"
          value={filter.due}
          onChange={(v) => setFilter((f) => ({ ...f, due: v }))}
          options={[
            { value: 'overdue', label: '已逾期' },
            { value: 'dueSoon', label: '即将到期' },
            { value: 'attention', label: '逾期或即将到期' },
          ]}
          aria-label="按时限筛选"
        />
      </Space>
      <ProcedureGrid<LeadRow>
        testId="leads-grid"
        fetch={fetch}
        columns={columns}
        reloadKey={`${JSON.stringify(filter)}:${reload}`}
        onOpen={(r) => (r.caseId ? navigate(`/case/${r.caseId}`) : canAct && (r.status === 'awaitingContact' || r.status === 'contacted') ? setResolving(r) : navigate(`/household/${r.householdId}`))}
        empty="没有符合条件的线索。农户申报、干部排查、部门预警发现的困难，请点击“登记线索”录入，系统自动计算 48 小时核实时限。"
      />
      <LeadCreateDrawer open={creating} onClose={() => setCreating(false)} onSaved={() => (setCreating(false), setReload((k) => k + 1))} />
      <LeadResolveModal lead={resolving} onClose={() => setResolving(null)} onDone={() => (setResolving(null), setReload((k) => k + 1))} />
    </div>
  );
}
