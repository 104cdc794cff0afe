import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AuditTable } from './AuditTable';

const ENTITIES = [
  { value: 'household', label: '农户' },
  { value: 'member', label: '成员' },
  { value: 'division', label: '区划' },
  { value: 'user', label: '账号与登录' },
  { value: 'settings', label: '设置' },
  { value: 'permission', label: '权限拒绝' },
];

/** 审计日志: who changed what and when. */
export function AuditPage() {
  const [entity, setEntity] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>审计日志</h2>
      </div>
      <Space wrap>
        <Select allowClear placeholder="对象类型" style={{ width: 140 }} options={ENTITIES} value={entity} onChange={setEntity} />
        <DatePicker.RangePicker onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <AuditTable filter={{ entity, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }} />
    </div>
  );
}
