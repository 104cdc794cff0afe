import { App, AutoComplete, Button, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../common/errors';
import { AuditTable } from './AuditTable';

const ENTITIES = [
  { value: 'household', label: '农户' },
  { value: 'member', label: '成员' },
  { value: 'division', label: '区划' },
  { value: 'user', label: '账号与登录' },
  { value: 'settings', label: '设置' },
  { value: 'permission', label: '权限拒绝' },
  { value: 'backup', label: '备份与恢复' },
  { value: 'database', label: '全部数据导出/重建' },
  { value: 'system', label: '启动与数据库检查' },
  { value: 'audit', label: '审计日志导出' },
];

type Option = { value: string; label: string };

/** Finds a household by name, pinyin initials or ID number for the filter. */
function HouseholdPicker({ onChange }: { onChange: (id: string | undefined) => void }) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    if (text.trim().length < 1) return setOptions([]);
    const timer = setTimeout(() => {
      void api.result('households.list', { filter: { search: text.trim() }, startRow: 0, endRow: 20 }).then((r) => {
        if (r.ok) setOptions(r.value.rows.map((h) => ({ value: h.id, label: `${h.headName}（${h.villageName ?? ''}）` })));
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <AutoComplete
      allowClear
      style={{ width: 220 }}
      placeholder="农户：户主姓名/拼音/证件号"
      value={text}
      options={options}
      onSearch={setText}
      onSelect={(id: string, o: Option) => {
        setText(o.label);
        onChange(id);
      }}
      onClear={() => onChange(undefined)}
    />
  );
}

/** 审计日志: who changed what and when — filter by user, household, object type and dates; export to Excel. */
export function AuditPage() {
  const { message } = App.useApp();
  const [entity, setEntity] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | undefined>();
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [users, setUsers] = useState<Option[]>([]);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void api.result('users.options', {}).then((r) => r.ok && setUsers(r.value.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))));
  }, []);

  const filter = useMemo(
    () => ({ entity, userId, householdId, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }),
    [entity, userId, householdId, range],
  );

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const r = await api.call('audit.export', { filter });
      await api.download(r.fileId, r.name);
      void message.success(`已导出 ${r.rows} 条审计记录。导出操作本身也已记入审计日志。`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>审计日志</h2>
        <Button onClick={() => void exportXlsx()} loading={exporting} data-testid="audit-export">
          导出 Excel
        </Button>
      </div>
      <Space wrap>
        <Select allowClear showSearch optionFilterProp="label" placeholder="操作人" style={{ width: 200 }} options={users} value={userId} onChange={setUserId} />
        <HouseholdPicker onChange={setHouseholdId} />
        <Select allowClear placeholder="对象类型" style={{ width: 170 }} options={ENTITIES} value={entity} onChange={setEntity} />
        <DatePicker.RangePicker onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <AuditTable filter={filter} />
    </div>
  );
}
