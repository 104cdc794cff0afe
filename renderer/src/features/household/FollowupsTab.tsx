import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function FollowupsTab(_props: HouseholdTabProps) {
  return <Empty description="走访记录：此功能正在建设中。" />;
}
