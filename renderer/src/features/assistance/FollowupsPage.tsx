import { App, Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { Coverage, CoverageCounts, CoverageHousehold } from '../../../../shared/api/methods/followups';
import { SATISFACTION_LABELS, SATISFACTIONS, VISIT_STATE_LABELS, VISIT_STATES, type VisitState } from '../../../../shared/domain/assistanceTerms';
import { api } from '../../api/client';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { VisitStateTag } from './assistanceUi';
import { EscalationList } from './EscalationList';

const PAGE = 50;
const CADENCE: Record<string, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };

/** 走访跟踪: the month's coverage of monitored households per village and per cadre, and the 3-month list. */
export function FollowupsPage() {
  const { villages } = useDivisions();
  const [month, setMonth] = useState<string>();
  const [villageId, setVillageId] = useState<string>();
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>走访跟踪</h2>
        <Space>
          <DatePicker picker="month" aria-label="月份" allowClear={false} value={month ? dayjs(`${month}-01`) : undefined} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} placeholder="本月" />
          <Select allowClear placeholder="全部行政村" style={{ width: 150 }} value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        </Space>
      </div>
      <Tabs
        items={[
          { key: 'coverage', label: '月度走访覆盖', children: <CoverageView month={month} villageId={villageId} onMonth={setMonth} /> },
          { key: 'escalations', label: '超期未消除（加大帮扶力度）', children: <EscalationList month={month} villageId={villageId} /> },
        ]}
      />
    </div>
  );
}

const countColumns = [
  { title: '应走访', dataIndex: 'due', width: 80, align: 'right' as const },
  { title: '已走访', dataIndex: 'visited', width: 80, align: 'right' as const },
  { title: '未走访', dataIndex: 'pending', width: 80, align: 'right' as const },
  { title: '逾期', dataIndex: 'overdue', width: 80, align: 'right' as const, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
];

function CoverageView({ month, villageId, onMonth }: { month?: string; villageId?: string; onMonth: (m: string) => void }) {
  const { message } = App.useApp();
  const [state, setState] = useState<VisitState | 'all'>('all');
  const [cadreId, setCadreId] = useState<string>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Coverage | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => setPage(1), [month, villageId, state, cadreId]);
  useEffect(() => {
    setLoading(true);
    const visitState = state === 'all' ? undefined : state;
    api
      .call('followups.coverage', { month, villageId, cadreId, visitState, startRow: (page - 1) * PAGE, endRow: page * PAGE })
      .then((c) => {
        setData(c);
        if (!month) onMonth(c.month);
      })
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [month, villageId, state, cadreId, page]);

  const t: CoverageCounts = data?.totals ?? { due: 0, visited: 0, pending: 0, overdue: 0 };
  const cadreName = data?.byCadre.find((c) => (c.cadreId ?? 'none') === cadreId)?.cadreName;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="coverage">
      <Row gutter={12}>
        {(
          [
            ['应走访监测户', t.due],
            ['已走访', t.visited],
            ['未走访', t.pending],
            ['逾期未走访', t.overdue],
          ] as const
        ).map(([title, n]) => (
          <Col span={4} key={title}>
            <Card size="small">
              <Statistic title={title} value={n} suffix="户" />
            </Card>
          </Col>
        ))}
        <Col span={8}>
          <Card size="small" title="本月满意度（认可度）">
            {SATISFACTIONS.map((s) => `${SATISFACTION_LABELS[s]} ${data?.satisfaction[s] ?? 0}`).join('　')}
          </Card>
        </Col>
      </Row>
      {data && (
        <span className="gl-muted">
          {data.month} · 走访频次：{CADENCE[data.cadence] ?? data.cadence} · 以 {data.today} 计算；月份结束仍未走访的记为逾期。
        </span>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Table<Coverage['byVillage'][number]> title={() => '按村'} rowKey="villageId" size="small" pagination={false} loading={loading} dataSource={data?.byVillage ?? []} columns={[{ title: '行政村', dataIndex: 'villageName' }, ...countColumns]} />
        </Col>
        <Col span={12}>
          <Table<Coverage['byCadre'][number]>
            title={() => '按结对帮扶干部（点击行查看其户）'}
            rowKey={(r) => r.cadreId ?? 'none'}
            size="small"
            pagination={false}
            loading={loading}
            dataSource={data?.byCadre ?? []}
            onRow={(r) => ({ onClick: () => setCadreId((r.cadreId ?? 'none') === cadreId ? undefined : (r.cadreId ?? 'none')), style: { cursor: 'pointer' } })}
            rowClassName={(r) => ((r.cadreId ?? 'none') === cadreId ? 'ant-table-row-selected' : '')}
            columns={[{ title: '帮扶干部', dataIndex: 'cadreName' }, ...countColumns]}
          />
        </Col>
      </Row>
      <Space wrap>
        <Segmented<VisitState | 'all'> value={state} onChange={setState} options={[{ value: 'all', label: '全部' }, ...VISIT_STATES.map((s) => ({ value: s, label: VISIT_STATE_LABELS[s] }))]} />
        {cadreName && (
          <Tag closable onClose={() => setCadreId(undefined)}>
            帮扶干部：{cadreName}
          </Tag>
        )}
      </Space>
      <Table<CoverageHousehold>
        rowKey="householdId"
        size="small"
        loading={loading}
        dataSource={data?.households.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.households.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 户` }}
        locale={{ emptyText: '没有符合条件的监测户。' }}
        columns={[
          { title: '户主', dataIndex: 'headName', width: 100, render: (v: string, h) => <a href={`#/household/${h.householdId}`}>{v}</a> },
          { title: '村', dataIndex: 'villageName', width: 110 },
          { title: '颜色', dataIndex: 'colour', width: 80, render: (c: string | null) => <ColourTag colour={c} /> },
          { title: '结对帮扶干部', dataIndex: 'cadreNames', render: (n: string[]) => n.join('、') || <span className="gl-muted">未安排</span> },
          { title: '本月走访', dataIndex: 'visitsInMonth', width: 90, align: 'right' },
          { title: '最近走访', dataIndex: 'lastVisit', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: VisitState) => <VisitStateTag state={s} /> },
        ]}
      />
    </Space>
  );
}
