import { Empty } from 'antd';
import type { HouseholdTabProps } from './tabs';

export function DossierTab(_props: HouseholdTabProps) {
  return <Empty description="文书档案：此功能正在建设中。" />;
}
