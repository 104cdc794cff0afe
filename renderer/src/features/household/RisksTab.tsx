import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function RisksTab(_props: HouseholdTabProps) {
  return <Empty description="风险与类别：此功能正在建设中。" />;
}
