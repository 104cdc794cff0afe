import { AuditTable } from '../settings/AuditTable';
import type { HouseholdTabProps } from './tabs';

export function HistoryTab({ household }: HouseholdTabProps) {
  return <AuditTable filter={{ householdId: household.id }} />;
}
