import { Alert, App, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Escalation } from '../../../../shared/api/methods/followups';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';

const PAGE = 50;

/** The seed's 3-month rule: still 监测中 N months (profile) after identification → 加大帮扶力度. */
export function EscalationList({ month, villageId }: { month?: string; villageId?: string }) {
  const session = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: Escalation[]; total: number; asOf: string }>({ rows: [], total: 0, asOf: '' });
  const [loading, setLoading] = useState(false);
  useEffect(() => setPage(1), [month, villageId]);
  useEffect(() => {
    setLoading(true);
    api
      .call('followups.escalations', { month, villageId, startRow: (page - 1) * PAGE, endRow: page * PAGE })
      .then(setData)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setLoading(false));
  }, [month, villageId, page, message]);
  const months = session.profile.assistance.escalationMonths;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="escalations">
      <Alert type="warning" showIcon title={`纳入监测满 ${months} 个月风险仍未消除的农户，要加大帮扶力度（截至 ${data.asOf || '今天'}，共 ${data.total} 户）。`} />
      <Table<Escalation>
        rowKey="householdId"
        size="small"
        loading={loading}
        dataSource={data.rows}
        pagination={{ current: page, pageSize: PAGE, total: data.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: `没有纳入监测满 ${months} 个月仍未消除风险的农户。` }}
        columns={[
          { title: '户主', dataIndex: 'headName', width: 100, render: (v: string, h) => <a href={`#/household/${h.householdId}`}>{v}</a> },
          { title: '村', dataIndex: 'villageName', width: 110 },
          { title: '颜色', dataIndex: 'colour', width: 80, render: (c: string | null) => <ColourTag colour={c} /> },
          { title: '类别', dataIndex: 'category', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '风险类型', dataIndex: 'riskTypes', render: (r: string[]) => r.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '纳入监测', dataIndex: 'monitoredSince', width: 105 },
          { title: '已监测', dataIndex: 'monthsOpen', width: 80, render: (n: number) => `${n} 个月` },
          { title: '已实施措施', dataIndex: 'deliveredMeasures', width: 95, align: 'right', render: (n: number) => (n ? n : <Tag color="red">0</Tag>) },
          { title: '最近走访', dataIndex: 'lastVisit', width: 105, render: (v: string | null) => v ?? '—' },
          { title: '帮扶干部', dataIndex: 'cadreNames', width: 120, render: (n: string[]) => n.join('、') || '—' },
        ]}
      />
    </Space>
  );
}
