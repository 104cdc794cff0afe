import { HouseholdRegisterPage } from './HouseholdRegisterPage';

/** 监测对象: households currently 监测中. */
export function MonitoredRegisterPage() {
  return <HouseholdRegisterPage title="监测对象" fixedFilter={{ status: 'monitoring' }} />;
}
