import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function IncomeTab(_props: HouseholdTabProps) {
  return <Empty description="收入核算：此功能正在建设中。" />;
}
