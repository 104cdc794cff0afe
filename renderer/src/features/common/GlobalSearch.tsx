import { AutoComplete, Input } from 'antd';
import { useRef, useState } from 'react';
import type { HouseholdSummary } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { navigate } from '../../app/router';

/** Header search: name, ID number (also from an ID-card reader in keyboard mode), pinyin initials → household. */
export function GlobalSearch() {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const seq = useRef(0);
  const search = async (text: string) => {
    const mine = ++seq.current;
    if (!text.trim()) return setOptions([]);
    const r = await api.result('households.list', { filter: { search: text }, startRow: 0, endRow: 10 });
    if (mine !== seq.current || !r.ok) return;
    setOptions(r.value.rows.map((h: HouseholdSummary) => ({ value: h.id, label: `${h.headName}　${h.villageName}${h.groupName ?? ''}　${h.memberCount}人` })));
  };
  return (
    <AutoComplete
      style={{ width: 320 }}
      options={options}
      onSearch={(t) => void search(t)}
      onSelect={(id: string) => navigate(`/household/${id}`)}
    >
      <Input.Search placeholder="搜索农户：姓名、证件号、拼音首字母" allowClear aria-label="全局搜索" />
    </AutoComplete>
  );
}
