import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { ColDef, GridApi, IDatasource, SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { errorText } from '../common/errors';

export interface SortItem {
  colId: string;
  sort: 'asc' | 'desc';
}

export interface PageFetch<T> {
  (req: { sort: SortItem[]; startRow: number; endRow: number }): Promise<{ rows: T[]; total: number }>;
}

/** Columns in the saved order, the rest hidden; an empty list means the defaults. */
export function arrangeColumns<T>(all: ColDef<T>[], visible: string[] | undefined): ColDef<T>[] {
  if (!visible?.length) return all;
  const byId = new Map(all.map((c) => [c.colId ?? (c.field as string), c]));
  const shown = visible.filter((id) => byId.has(id)).map((id) => ({ ...byId.get(id)!, hide: false }));
  const hidden = all.filter((c) => !visible.includes(c.colId ?? (c.field as string))).map((c) => ({ ...c, hide: true }));
  return [...shown, ...hidden];
}

/**
 * A register on ag-grid's infinite row model: ag-grid asks for rows [start, end) with its sort model and the
 * backend answers from SQL. No full table ever reaches the renderer. `queryKey` changes reload from row 0.
 */
export function InfiniteGrid<T extends { id: string }>(props: {
  columns: ColDef<T>[];
  fetch: PageFetch<T>;
  queryKey: string;
  sort?: SortItem[];
  onSortChange?: (sort: SortItem[]) => void;
  onTotal?: (n: number) => void;
  onOpen: (row: T) => void;
  emptyText: string;
  testId: string;
}) {
  const { message } = App.useApp();
  const gridApi = useRef<GridApi<T> | null>(null);
  const fetchRef = useRef(props.fetch);
  const onTotalRef = useRef(props.onTotal);
  useEffect(() => {
    fetchRef.current = props.fetch;
    onTotalRef.current = props.onTotal;
  });

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        const sort = (p.sortModel as SortModelItem[]).map((s) => ({ colId: s.colId, sort: s.sort }));
        fetchRef
          .current({ sort, startRow: p.startRow, endRow: p.endRow })
          .then((r) => {
            onTotalRef.current?.(r.total);
            p.successCallback(r.rows, r.total);
          })
          .catch((e: unknown) => {
            void message.error(errorText(e));
            p.failCallback();
          });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.queryKey],
  );

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  const sortKey = JSON.stringify(props.sort ?? null);
  useEffect(() => {
    if (!props.sort || !gridApi.current) return;
    gridApi.current.applyColumnState({ state: props.sort.map((s) => ({ colId: s.colId, sort: s.sort })), defaultState: { sort: null } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sortKey]);

  return (
    <div className="gl-grid" data-testid={props.testId}>
      <AgGridReact<T>
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={50}
        columnDefs={props.columns}
        defaultColDef={{ resizable: true, sortable: false }}
        localeText={AG_GRID_LOCALE_CN}
        getRowId={(p) => p.data.id}
        onGridReady={(e) => {
          gridApi.current = e.api;
          if (props.sort) e.api.applyColumnState({ state: props.sort, defaultState: { sort: null } });
          e.api.setGridOption('datasource', datasource);
        }}
        onSortChanged={(e) => {
          const sort = e.api
            .getColumnState()
            .filter((c) => c.sort)
            .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
            .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
          props.onSortChange?.(sort);
        }}
        onRowDoubleClicked={(e) => e.data && props.onOpen(e.data)}
        onCellKeyDown={(e) => {
          if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) props.onOpen(e.data);
        }}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        overlayNoRowsTemplate={props.emptyText}
      />
    </div>
  );
}
