import type { IDatasource, SortModelItem } from 'ag-grid-community';
import { startTransition } from 'react';

export interface SortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

export interface PageRequest {
  sort: SortItem[];
  startRow: number;
  endRow: number;
}

export interface PageFetch<T> {
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
  let lastTotal: number | null = null;
  let firstBlockDone = false;
  const firstBlockSettled = () => {
    if (firstBlockDone) return;
    firstBlockDone = true;
    hooks.current.onFirstBlock?.();
  };
  return {
    getRows: (p) => {
      const req = { sort: (p.sortModel as SortModelItem[]).map((s) => ({ colId: s.colId, sort: s.sort })), startRow: p.startRow, endRow: p.endRow };
      const pre = early.current;
      early.current = null;
      const rows = pre?.key === blockKey(queryKey, req) ? pre.rows : hooks.current.fetch(req);
      rows
        .then((r) => {
          p.successCallback(r.rows, r.total);
          startTransition(() => {
            if (r.total !== lastTotal) {
              lastTotal = r.total;
              hooks.current.onTotal?.(r.total);
            }
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
