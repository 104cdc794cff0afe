import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function MeasuresTab(_props: HouseholdTabProps) {
  return <Empty description="帮扶措施：此功能正在建设中。" />;
}
