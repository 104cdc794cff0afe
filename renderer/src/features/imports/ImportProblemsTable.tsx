import { Segmented, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportProblem } from '../../../../shared/api/methods/imports';
import { api } from '../../api/client';

const PAGE_SIZE = 20;
type Severity = 'all' | 'error' | 'warning';

/** Every problem of a preview (行号, 列, 说明), paged from the server so 10,000 problems stay light. */
export function ImportProblemsTable({ previewId, errors, warnings }: { previewId: string; errors: number; warnings: number }) {
  const [severity, setSeverity] = useState<Severity>(errors > 0 ? 'error' : 'all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: ImportProblem[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const startRow = (page - 1) * PAGE_SIZE;
    void api
      .result('imports.roster.problems', { previewId, severity: severity === 'all' ? undefined : severity, startRow, endRow: startRow + PAGE_SIZE })
      .then((r) => {
        if (live && r.ok) setData(r.value);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [previewId, severity, page]);

  return (
    <div data-testid="import-problems">
      <Segmented<Severity>
        value={severity}
        onChange={(v) => {
          setSeverity(v);
          setPage(1);
        }}
        options={[
          { label: `错误 ${errors}`, value: 'error' },
          { label: `警告 ${warnings}`, value: 'warning' },
          { label: '全部', value: 'all' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportProblem>
        size="small"
        loading={loading}
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        dataSource={data.rows}
        locale={{ emptyText: severity === 'error' ? '没有错误，全部行都可以导入。' : '没有问题。' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 处` }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          { title: '列', dataIndex: 'column', width: 50 },
          { title: '列名', dataIndex: 'header', width: 180 },
          { title: '问题说明', dataIndex: 'message' },
          { title: '类型', dataIndex: 'severity', width: 70, render: (s: string) => (s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="orange">警告</Tag>) },
        ]}
      />
    </div>
  );
}
