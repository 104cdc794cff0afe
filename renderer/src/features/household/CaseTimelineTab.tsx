import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function CaseTimelineTab(_props: HouseholdTabProps) {
  return <Empty description="流程记录：此功能正在建设中。" />;
}
