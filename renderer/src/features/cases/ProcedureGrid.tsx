import type { ColDef } from 'ag-grid-community';
import { useCallback } from 'react';
import { InfiniteGrid, type PageFetch } from '../register/InfiniteGrid';

/**
 * One page of a worklist. `withTotal` false: the grid already has the count (a later block), so the list
 * method may skip counting and answer total -1 (NOT_COUNTED); a fetch that ignores it keeps counting.
 */
export type ProcedureFetch<T> = (startRow: number, endRow: number, withTotal: boolean) => Promise<{ rows: T[]; total: number }>;

const ignoreOpen = () => undefined;

/**
 * A procedure worklist on ag-grid's infinite row model: ag-grid asks for rows [start, end), the list
 * method answers from SQL (already ordered by due date). `reloadKey` refetches from row 0. The register's
 * grid underneath (stable options and callbacks, a narrow row buffer, the first block asked for early,
 * the count only with the blocks that need it); `onTotal` hears the count when it changes.
 */
export function ProcedureGrid<T extends { id: string }>({
  fetch,
  columns,
  reloadKey,
  onOpen,
  onTotal,
  empty,
  testId,
  height,
}: {
  fetch: ProcedureFetch<T>;
  columns: ColDef<T>[];
  reloadKey: string;
  onOpen?: (row: T) => void;
  onTotal?: (n: number) => void;
  empty: string;
  testId: string;
  height?: number;
}) {
  // InfiniteGrid reads its latest props when a block is asked for: a new function here per render is fine.
  const pageFetch = useCallback<PageFetch<T>>((req) => fetch(req.startRow, req.endRow, req.withTotal), [fetch]);
  return <InfiniteGrid<T> testId={testId} columns={columns} fetch={pageFetch} queryKey={reloadKey} onOpen={onOpen ?? ignoreOpen} onTotal={onTotal} emptyText={empty} height={height} />;
}
