import { Select, Table, Tag } from 'antd';
import type { ImportColumn } from '../../../../shared/api/methods/imports';
import { ROSTER_FIELDS } from '../../../../shared/domain/rosterColumns';

export type ColumnMapping = Record<number, string | null>;

const GROUPS = [
  { label: '户信息', level: 'household' as const },
  { label: '成员信息', level: 'member' as const },
];

/** Which file column fills which field: automatic matches shown as such, every one editable. */
export function ImportMappingTable({ columns, mapping, onChange }: { columns: ImportColumn[]; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const used = new Map(Object.entries(mapping).filter(([, f]) => f).map(([c, f]) => [f as string, Number(c)]));
  const optionsFor = (column: number) => [
    { label: '（不导入此列）', value: '' },
    ...GROUPS.map((g) => ({
      label: g.label,
      options: ROSTER_FIELDS.filter((f) => f.level === g.level).map((f) => ({
        label: f.label,
        value: f.key,
        // One column per field: a field taken by another column is shown but cannot be chosen twice.
        disabled: used.has(f.key) && used.get(f.key) !== column,
      })),
    })),
  ];
  return (
    <Table<ImportColumn>
      data-testid="import-mapping"
      size="small"
      rowKey="column"
      pagination={false}
      dataSource={columns}
      scroll={{ y: 360 }}
      columns={[
        { title: '列', dataIndex: 'letter', width: 56 },
        {
          title: '文件中的表头',
          dataIndex: 'title',
          render: (title: string, c) => (
            <span>
              {title} {c.auto && mapping[c.column] === c.field && <Tag color="green">自动识别</Tag>}
            </span>
          ),
        },
        { title: '前几行的内容', dataIndex: 'samples', render: (s: string[]) => <span className="gl-muted">{s.filter(Boolean).join(' / ')}</span> },
        {
          title: '对应到',
          width: 240,
          render: (_: unknown, c) => (
            <Select
              aria-label={`第${c.letter}列对应字段`}
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={mapping[c.column] ?? ''}
              options={optionsFor(c.column)}
              onChange={(v: string) => onChange({ ...mapping, [c.column]: v || null })}
            />
          ),
        },
      ]}
    />
  );
}
