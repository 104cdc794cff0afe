import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { startTransition } from 'react';

export interface SortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

export interface PageRequest {
  sort: SortItem[];
  startRow: number;
  endRow: number;
  /** Whether the backend must count the query's rows; false lets it skip the count (see needsCount). */
  withTotal: boolean;
}

export interface PageFetch<T> {
  /** `total` is the row count, or negative (the API's NOT_COUNTED) when asked withTotal: false. */
  (req: PageRequest): Promise<{ rows: T[]; total: number }>;
}

/** What the datasource reads at call time: the screen's latest fetch and callbacks. */
export interface DatasourceHooks<T> {
  fetch: PageFetch<T>;
  onTotal?: (n: number) => void;
  onFirstBlock?: () => void;
}

/** A block fetched before ag-grid asked for it (see InfiniteGrid): used once, when the request matches. */
export interface EarlyBlock<T> {
  key: string;
  rows: ReturnType<PageFetch<T>>;
}

export const blockKey = (queryKey: string, req: PageRequest) => `${queryKey}|${JSON.stringify(req)}`;

/** One block's request, its keys always in this order (blockKey compares them as JSON). */
export const blockRequest = (sort: SortItem[], startRow: number, endRow: number, withTotal: boolean): PageRequest => ({
  sort: sort.map((s) => ({ colId: s.colId, sort: s.sort })),
  startRow,
  endRow,
  withTotal,
});

/**
 * Whether a block needs the backend to count. Counting a county register costs as much as reading the
 * block (~19 ms of ~22 ms), and the count does not change from one block to the next, so only these ask:
 * block 0 (ag-grid starts every new query, sort and reset there), any block while the count is unknown,
 * and the block holding the counted end, so rows added or removed since are picked up when the end shows.
 */
export const needsCount = (counted: number | null, startRow: number, endRow: number): boolean => counted === null || startRow === 0 || endRow >= counted;

/**
 * The row count after a block: the backend's count when it counted; else a block shorter than asked for
 * ends the list there (rows were removed since the count); else the count already known.
 */
export function rowCountAfter(req: PageRequest, total: number, rows: number, counted: number | null): number | null {
  if (total >= 0) return total;
  if (rows < req.endRow - req.startRow) return req.startRow + rows;
  return counted;
}

/**
 * ag-grid's datasource for one query (`queryKey`): each block [startRow, endRow) is one backend page. The
 * screen hears of the count only when it changes and of the first block once, both as a transition, so
 * they render after the rows and a scrolled block costs no page render.
 */
export function queryDatasource<T>(
  queryKey: string,
  hooks: { readonly current: DatasourceHooks<T> },
  early: { current: EarlyBlock<T> | null },
  reportError: (e: unknown) => void,
): IDatasource {
  // The query's row count as last known (the filter is fixed for this datasource; a sort does not change it).
  let counted: number | null = null;
  let firstBlockDone = false;
  const firstBlockSettled = () => {
    if (firstBlockDone) return;
    firstBlockDone = true;
    hooks.current.onFirstBlock?.();
  };
  const fetchBlock = (req: PageRequest) => {
    const pre = early.current;
    early.current = null;
    return pre?.key === blockKey(queryKey, req) ? pre.rows : hooks.current.fetch(req);
  };
  return {
    getRows: (p: IGetRowsParams) => {
      const sort = (p.sortModel as SortModelItem[]).map((s) => ({ colId: s.colId, sort: s.sort }));
      const req = blockRequest(sort, p.startRow, p.endRow, needsCount(counted, p.startRow, p.endRow));
      fetchBlock(req)
        .then((r) => {
          const before = counted;
          counted = rowCountAfter(req, r.total, r.rows.length, counted);
          // ag-grid takes undefined as "end not known yet" (it keeps a row beyond the block to ask for more).
          p.successCallback(r.rows, counted ?? undefined);
          startTransition(() => {
            if (counted !== null && counted !== before) hooks.current.onTotal?.(counted);
            firstBlockSettled();
          });
        })
        .catch((e: unknown) => {
          reportError(e);
          p.failCallback();
          startTransition(firstBlockSettled);
        });
    },
  };
}
