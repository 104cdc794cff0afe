import { App, Input, Select, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import type { Measure, MeasureFilter } from '../../../../shared/api/methods/measures';
import { MEASURE_STATUSES, MEASURE_STATUS_LABELS } from '../../../../shared/domain/assistanceTerms';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { categoryLabel, MeasureStatusTag, yuanText } from './assistanceUi';

const PAGE = 50;

/** 帮扶措施台账: every measure across households, filtered, sorted and paged in SQL. */
export function MeasureLedger() {
  const session = useSession();
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [filter, setFilter] = useState<MeasureFilter>({});
  const [sort, setSort] = useState<{ colId: string; sort: 'asc' | 'desc' }[]>([]);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: Measure[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const set = (patch: Partial<MeasureFilter>) => (setFilter((f) => ({ ...f, ...patch })), setPage(1));
  const key = JSON.stringify([filter, sort, page]);

  useEffect(() => {
    setLoading(true);
    api
      .call('measures.list', { filter, sort, startRow: (page - 1) * PAGE, endRow: page * PAGE })
      .then(setData)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search placeholder="户主姓名或措施内容" allowClear style={{ width: 220 }} onSearch={(v) => set({ search: v.trim() || undefined })} aria-label="搜索帮扶措施" />
        <Select allowClear placeholder="行政村" style={{ width: 140 }} onChange={(v) => set({ villageId: v })} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Select allowClear placeholder="措施类别" style={{ width: 140 }} onChange={(v) => set({ category: v })} options={session.profile.enums.measureCategories.map((c) => ({ value: c.key, label: c.label }))} />
        <Select allowClear placeholder="状态" style={{ width: 110 }} onChange={(v) => set({ status: v })} options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s] }))} />
        <Select allowClear placeholder="八个优先" style={{ width: 220 }} onChange={(v) => set({ priority: v })} options={session.profile.enums.priorityMeasures.map((p) => ({ value: p, label: p }))} />
      </Space>
      <Table<Measure>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.rows}
        scroll={{ x: 1200 }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, showTotal: (t) => `共 ${t} 项措施` }}
        onChange={(p, _f, sorter) => {
          const s = sorter as SorterResult<Measure>;
          setSort(s.order && s.columnKey ? [{ colId: String(s.columnKey), sort: s.order === 'descend' ? 'desc' : 'asc' }] : []);
          setPage(p.current ?? 1);
        }}
        locale={{ emptyText: '没有符合条件的帮扶措施。措施在农户页“帮扶措施”标签中录入。' }}
        columns={[
          { title: '户主', key: 'headName', dataIndex: 'headName', width: 90, sorter: true, render: (v: string, m) => <a href={`#/household/${m.householdId}`}>{v}</a> },
          { title: '村', key: 'villageName', dataIndex: 'villageName', width: 100, sorter: true },
          { title: '类别', key: 'category', dataIndex: 'category', width: 110, sorter: true, render: (v: string) => categoryLabel(session.profile, v) },
          { title: '子项', dataIndex: 'item', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '内容', dataIndex: 'content' },
          { title: '责任单位', dataIndex: 'responsibleUnit', width: 130 },
          { title: '计划开始', key: 'plannedStart', dataIndex: 'plannedStart', width: 105, sorter: true },
          { title: '实际开始', key: 'actualStart', dataIndex: 'actualStart', width: 105, sorter: true },
          { title: '金额（元）', key: 'amountFen', dataIndex: 'amountFen', width: 110, align: 'right', sorter: true, render: yuanText },
          { title: '状态', key: 'status', dataIndex: 'status', width: 80, sorter: true, render: (s: Measure['status']) => <MeasureStatusTag status={s} /> },
        ]}
      />
    </Space>
  );
}
