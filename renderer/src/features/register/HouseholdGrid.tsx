import { useCallback, useMemo } from 'react';
import type { HouseholdFilter, HouseholdSummary } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { householdColumns } from './householdColumns';
import { arrangeColumns, InfiniteGrid, type SortItem } from './InfiniteGrid';

/**
 * The household register: households.list answers each page from SQL. `visibleColumns` (from the column chooser
 * or a saved view) orders and hides columns; `sort` applies a saved view's sort.
 */
export function HouseholdGrid({
  filter,
  refreshKey,
  onTotal,
  onFirstBlock,
  visibleColumns,
  sort,
  onSortChange,
}: {
  filter: HouseholdFilter;
  refreshKey?: number;
  onTotal?: (n: number) => void;
  onFirstBlock?: () => void;
  visibleColumns?: string[];
  sort?: SortItem[];
  onSortChange?: (sort: SortItem[]) => void;
}) {
  const session = useSession();
  const columns = useMemo(() => arrangeColumns(householdColumns(session.profile, session.can('pii.full')), visibleColumns), [session, visibleColumns]);
  const fetch = useCallback((req: { sort: SortItem[]; startRow: number; endRow: number }) => api.call('households.list', { filter, ...req }), [filter]);
  return (
    <InfiniteGrid<HouseholdSummary>
      testId="household-grid"
      columns={columns}
      fetch={fetch}
      queryKey={`${JSON.stringify(filter)}|${refreshKey ?? 0}`}
      sort={sort}
      onSortChange={onSortChange}
      onTotal={onTotal}
      onFirstBlock={onFirstBlock}
      onOpen={(h) => navigate(`/household/${h.id}`)}
      emptyText="没有符合条件的农户。可以调整筛选条件，或点击“新建农户”录入。"
    />
  );
}
