import { Select } from 'antd';
import { useRef, useState } from 'react';
import type { HouseholdSummary } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';

export interface PickedHousehold {
  id: string;
  label: string;
}

/** Finds households by name, ID number or pinyin initials (one, or several with `multiple`). */
export function HouseholdPicker({ value, onChange, multiple, style }: { value: PickedHousehold[]; onChange: (v: PickedHousehold[]) => void; multiple?: boolean; style?: React.CSSProperties }) {
  const [options, setOptions] = useState<PickedHousehold[]>([]);
  const seq = useRef(0);
  const search = async (text: string) => {
    const mine = ++seq.current;
    if (!text.trim()) return setOptions([]);
    const r = await api.result('households.list', { filter: { search: text }, startRow: 0, endRow: 20 });
    if (mine !== seq.current || !r.ok) return;
    setOptions(r.value.rows.map((h: HouseholdSummary) => ({ id: h.id, label: `${h.headName}　${h.villageName}${h.groupName ?? ''}　${h.memberCount}人` })));
  };
  const known = new Map([...value, ...options].map((o) => [o.id, o]));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (t) => void search(t) }}
      mode={multiple ? 'multiple' : undefined}
      style={{ minWidth: 320, ...style }}
      placeholder="输入户主姓名、证件号或拼音首字母查找农户"
      notFoundContent={null}
      value={multiple ? value.map((v) => v.id) : value[0]?.id}
      options={[...known.values()].map((o) => ({ value: o.id, label: o.label }))}
      onChange={(v: string | string[] | undefined) => {
        const ids = v === undefined ? [] : Array.isArray(v) ? v : [v];
        onChange(ids.map((id) => known.get(id)).filter((o): o is PickedHousehold => o !== undefined));
      }}
      allowClear
      aria-label="选择农户"
      data-testid="household-picker"
    />
  );
}
