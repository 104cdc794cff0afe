import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function AssessmentTab(_props: HouseholdTabProps) {
  return <Empty description="三保障评估：此功能正在建设中。" />;
}
