import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { errorText } from '../common/errors';

/**
 * A procedure worklist on ag-grid's infinite row model: ag-grid asks for rows [start, end), the list
 * method answers from SQL (already ordered by due date). `reloadKey` or a new `fetch` refetches.
 */
export function ProcedureGrid<T extends { id: string }>({
  fetch,
  columns,
  reloadKey,
  onOpen,
  empty,
  testId,
  height,
}: {
  fetch: (startRow: number, endRow: number) => Promise<{ rows: T[]; total: number }>;
  columns: ColDef<T>[];
  reloadKey: string;
  onOpen?: (row: T) => void;
  empty: string;
  testId: string;
  height?: number;
}) {
  const { message } = App.useApp();
  const gridApi = useRef<GridApi<T> | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        fetchRef
          .current(p.startRow, p.endRow)
          .then((r) => p.successCallback(r.rows, r.total))
          .catch((e: unknown) => {
            void message.error(errorText(e));
            p.failCallback();
          });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reloadKey],
  );

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  return (
    <div className="gl-grid" data-testid={testId} style={height ? { flex: 'none', height } : undefined}>
      <AgGridReact<T>
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={20}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: false }}
        localeText={AG_GRID_LOCALE_CN}
        getRowId={(p) => p.data.id}
        onGridReady={(e) => {
          gridApi.current = e.api;
          e.api.setGridOption('datasource', datasource);
        }}
        onRowDoubleClicked={(e) => e.data && onOpen?.(e.data)}
        onCellKeyDown={(e) => {
          if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) onOpen?.(e.data);
        }}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        overlayNoRowsTemplate={empty}
      />
    </div>
  );
}
