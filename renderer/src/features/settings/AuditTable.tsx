import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/api/methods/audit';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import { api } from '../../api/client';

type Filter = { userId?: string; householdId?: string; entity?: string; from?: string; to?: string };

const fmt = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Audit rows, newest first, paged in SQL; each change shows old → new per field. */
export function AuditTable({ filter }: { filter: Filter }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: AuditEntry[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(filter);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    setLoading(true);
    api
      .result('audit.list', { filter, startRow: (page - 1) * 50, endRow: page * 50 })
      .then((r) => r.ok && setData(r.value))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, page]);
  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data.rows}
      pagination={{ current: page, pageSize: 50, total: data.total, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => chinaDateTime(v) },
        { title: '操作人', dataIndex: 'username', width: 100, render: (v: string | null) => v ?? '系统' },
        { title: '内容', dataIndex: 'summary' },
      ]}
      expandable={{
        rowExpandable: (r) => r.changes.length > 0,
        expandedRowRender: (r) => (
          <div>
            {r.changes.map((c) => (
              <Typography.Paragraph key={c.field} style={{ margin: 0 }}>
                {c.label}：{fmt(c.old)} → {fmt(c.new)}
              </Typography.Paragraph>
            ))}
          </div>
        ),
      }}
    />
  );
}
