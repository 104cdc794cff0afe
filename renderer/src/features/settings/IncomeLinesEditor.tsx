import { Button, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatFen } from '../../../../shared/domain/money';
import type { IncomeLine } from '../../../../shared/domain/profile';

const toYuan = (fen: number) => fen / 100;
const toFen = (yuan: number | null) => Math.round((yuan ?? 0) * 100);

/** The year's lines: 国家扶贫标准 (red) and the province's 监测范围 / 认定标准, in 元, with their source. */
export function IncomeLinesEditor({ lines, onSave }: { lines: IncomeLine[]; onSave: (lines: IncomeLine[]) => void }) {
  const [rows, setRows] = useState<IncomeLine[]>(lines);
  const set = (i: number, patch: Partial<IncomeLine>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const addYear = () => {
    const last = rows.reduce((a, b) => (b.year > a.year ? b : a), rows[0]);
    setRows([...rows, { ...last, year: last.year + 1, source: '' }]);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">收入核算按核算年度取用本表的标准：低于国家扶贫标准判为红色，低于监测范围纳入监测。请按本省（市、县）文件填写并注明依据。</Typography.Paragraph>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '年度', dataIndex: 'year', width: 110, render: (v: number, _r, i) => <InputNumber value={v} min={2000} max={2100} onChange={(y) => set(i, { year: y ?? v })} aria-label="年度" /> },
          { title: '国家扶贫标准（元/人·年）', dataIndex: 'povertyLineFen', render: (v: number, _r, i) => <InputNumber value={toYuan(v)} min={0} precision={2} style={{ width: 160 }} onChange={(y) => set(i, { povertyLineFen: toFen(y) })} /> },
          { title: '监测范围（元/人·年）', dataIndex: 'monitoringLineFen', render: (v: number, _r, i) => <InputNumber value={toYuan(v)} min={0} precision={2} style={{ width: 160 }} onChange={(y) => set(i, { monitoringLineFen: toFen(y) })} aria-label="监测范围" /> },
          { title: '依据（文号、日期）', dataIndex: 'source', render: (v: string, _r, i) => <Input value={v} onChange={(e) => set(i, { source: e.target.value })} /> },
          { title: '', width: 70, render: (_v, _r, i) => <Button type="link" danger disabled={rows.length < 2} onClick={() => setRows(rows.filter((_, j) => j !== i))}>删除</Button> },
        ]}
        footer={() => `当前：${rows.map((r) => `${r.year} 年监测范围 ${formatFen(r.monitoringLineFen)} 元`).join('；')}`}
      />
      <Space>
        <Button onClick={addYear}>添加年度</Button>
        <Button type="primary" onClick={() => onSave(rows)}>
          保存收入标准
        </Button>
      </Space>
    </Space>
  );
}
