import { Input, Radio, Space } from 'antd';
import { useSession } from '../../app/session';

export interface OutgoingValue {
  full: boolean;
  purpose: string;
}

/**
 * 证件号码与电话 on a list that leaves the office: masked by default; in full only for users with
 * pii.unmask, with a stated purpose (recorded in the audit log).
 */
export function OutgoingOptions({ value, onChange }: { value: OutgoingValue; onChange: (v: OutgoingValue) => void }) {
  const session = useSession();
  return (
    <Space direction="vertical">
      <Radio.Group
        value={value.full}
        onChange={(e) => onChange({ ...value, full: e.target.value as boolean })}
        options={[
          { value: false, label: '证件号码与电话部分遮挡（外发默认）' },
          { value: true, label: '完整显示（仅限内部使用，会记录审计）', disabled: !session.can('pii.unmask') },
        ]}
      />
      {value.full && <Input style={{ width: 360 }} maxLength={100} placeholder="导出用途（必填），如：报县乡村振兴局核对" value={value.purpose} onChange={(e) => onChange({ ...value, purpose: e.target.value })} aria-label="导出用途" />}
    </Space>
  );
}

export const outgoingInput = (v: OutgoingValue) => ({ masked: !v.full, purpose: v.full ? v.purpose.trim() || undefined : undefined });
