import { Button, Checkbox, Divider, Popover, Space } from 'antd';
import type { ColDef } from 'ag-grid-community';

const idOf = <T,>(c: ColDef<T>): string => c.colId ?? (c.field as string);

/**
 * 显示列: tick the columns to show; the order follows the default order. An empty selection list means "default",
 * so a saved view keeps working when a later version adds columns.
 */
export function ColumnChooser<T>({ columns, visible, onChange }: { columns: ColDef<T>[]; visible: string[]; onChange: (visible: string[]) => void }) {
  const all = columns.map(idOf);
  const defaults = columns.filter((c) => !c.hide).map(idOf);
  const shown = visible.length ? visible : defaults;
  const toggle = (id: string, on: boolean) => {
    const next = on ? all.filter((c) => c === id || shown.includes(c)) : shown.filter((c) => c !== id);
    if (next.length) onChange(next.join() === defaults.join() ? [] : next);
  };
  const content = (
    <div style={{ minWidth: 180 }}>
      <div style={{ maxHeight: 380, overflow: 'auto' }}>
        <Space orientation="vertical" size={4}>
          {columns.map((c) => (
            <Checkbox key={idOf(c)} checked={shown.includes(idOf(c))} onChange={(e) => toggle(idOf(c), e.target.checked)}>
              {c.headerName}
            </Checkbox>
          ))}
        </Space>
      </div>
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" onClick={() => onChange([])}>
        恢复默认列
      </Button>
    </div>
  );
  return (
    <Popover content={content} title="显示列" trigger="click" placement="bottomRight">
      <Button>显示列{visible.length ? `（${visible.length}/${all.length}）` : ''}</Button>
    </Popover>
  );
}
