import type { ColDef } from 'ag-grid-community';
import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { MeetingRow } from '../../../../shared/api/methods/meetings';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ProcedureGrid } from '../cases/ProcedureGrid';
import { useDivisions } from '../register/useDivisions';

/** 评议会议: the minutes of each 民主评议会, how many have signed, whether locked. */
export function MeetingsPage(_props: { params?: Record<string, string> }) {
  const session = useSession();
  const { villages } = useDivisions();
  const [filter, setFilter] = useState<{ villageId?: string; locked?: boolean }>({});
  const columns = useMemo<ColDef<MeetingRow>[]>(
    () => [
      { headerName: '会议日期', field: 'date', width: 120, cellRenderer: (p: { data?: MeetingRow }) => p.data && <a onClick={() => navigate(`/meeting/${p.data!.id}`)}>{p.data.date}</a> },
      { headerName: '村', field: 'villageName', width: 120 },
      { headerName: '地点', field: 'place', flex: 1, minWidth: 160 },
      { headerName: '主持人', field: 'host', width: 110 },
      { headerName: '识别纳入', field: 'identificationItems', width: 100 },
      { headerName: '风险消除', field: 'eliminationItems', width: 100 },
      { headerName: '签字', width: 110, valueGetter: (p) => (p.data ? `${p.data.signedCount}/${p.data.attendeeCount}` : '') },
      {
        headerName: '状态',
        width: 260,
        cellRenderer: (p: { data?: MeetingRow }) =>
          p.data && (p.data.locked ? <span><Tag color="success">已锁定</Tag><span className="gl-muted">校验码 {p.data.lockHash?.slice(0, 12)}…</span></span> : <Tag color="warning">待签字</Tag>),
      },
    ],
    [],
  );
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>评议会议</h2>
        {session.can('meetings.write') && (
          <Button type="primary" onClick={() => navigate('/meeting/new')}>
            新建会议记录
          </Button>
        )}
      </div>
      <Space wrap className="gl-no-print">
        <Select style={{ width: 140 }} allowClear placeholder="行政村" value={filter.villageId} onChange={(v) => setFilter((f) => ({ ...f, villageId: v }))} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder="签字状态"
          value={filter.locked === undefined ? undefined : String(filter.locked)}
          onChange={(v) => setFilter((f) => ({ ...f, locked: v === undefined ? undefined : v === 'true' }))}
          options={[{ value: 'false', label: '待签字' }, { value: 'true', label: '已锁定' }]}
          aria-label="按签字状态筛选"
        />
      </Space>
      <ProcedureGrid<MeetingRow>
        testId="meetings-grid"
        fetch={(startRow, endRow) => api.call('meetings.list', { filter, startRow, endRow })}
        columns={columns}
        reloadKey={JSON.stringify(filter)}
        onOpen={(r) => navigate(`/meeting/${r.id}`)}
        empty="还没有评议会议记录。召开民主评议会后，点击“新建会议记录”，录入参会人员和逐户评议结果，再由参会人员逐一签字。"
      />
    </div>
  );
}
