import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { CellKeyDownEvent, ColDef, GetRowIdParams, GridApi, GridOptions, GridReadyEvent, IDatasource, RowDoubleClickedEvent, RowSelectionOptions, SortChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { errorText } from '../common/errors';
import { blockKey, blockRequest, queryDatasource, type EarlyBlock, type PageFetch, type SortItem } from './infiniteDatasource';
import { columnsHaveTooltips, plainCellsOnly } from './gridRendering';
import { PlainAgGrid } from './PlainAgGrid';
import './registerGrid.css';

export type { PageFetch, SortItem } from './infiniteDatasource';

/** Columns in the saved order, the rest hidden; an empty list means the defaults. */
export function arrangeColumns<T>(all: ColDef<T>[], visible: string[] | undefined): ColDef<T>[] {
  if (!visible?.length) return all;
  const byId = new Map(all.map((c) => [c.colId ?? (c.field as string), c]));
  const shown = visible.filter((id) => byId.has(id)).map((id) => ({ ...byId.get(id)!, hide: false }));
  const hidden = all.filter((c) => !visible.includes(c.colId ?? (c.field as string))).map((c) => ({ ...c, hide: true }));
  return [...shown, ...hidden];
}

// Grid options that never change, created once: ag-grid-react compares every prop by identity on each
// render and re-applies any new object (a new defaultColDef re-derives every column and refreshes cells).
const DEFAULT_COL_DEF: ColDef = { resizable: true, sortable: false };
const ROW_SELECTION: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };
/** One block is one backend page (households.list / members.list / cases.list answer 100 rows a call). */
const PAGE_ROWS = 100;
/**
 * Rows drawn beyond each edge of the viewport (ag-grid's default is 10). Every scrolled frame builds the rows
 * that come into this window, so a wide buffer is paid for on every frame of a fast scroll; a few rows are
 * enough headroom for a wheel notch (~100 px; 3 rows are 126 px).
 */
const ROW_BUFFER = 3;

interface InfiniteGridProps<T> {
  columns: ColDef<T>[];
  fetch: PageFetch<T>;
  queryKey: string;
  sort?: SortItem[];
  onSortChange?: (sort: SortItem[]) => void;
  onTotal?: (n: number) => void;
  onFirstBlock?: () => void;
  onOpen: (row: T) => void;
  emptyText: string;
  testId: string;
  /** A fixed height in px (a grid beside other content); without it the grid fills its flex parent. */
  height?: number;
}

/**
 * A register on ag-grid's infinite row model: ag-grid asks for rows [start, end) with its sort model and the
 * backend answers from SQL. No full table ever reaches the renderer. `queryKey` changes reload from row 0.
 * `onFirstBlock` fires once per query when its first block has arrived (or failed): screens start their own
 * secondary requests then, so the single-threaded backend answers the rows first.
 */
export function InfiniteGrid<T extends { id: string }>(props: InfiniteGridProps<T>) {
  const { message } = App.useApp();
  const gridApi = useRef<GridApi<T> | null>(null);
  // The latest props for the grid's callbacks, so the callbacks themselves stay the same functions.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const early = useFirstBlockEarly(latest, gridApi);

  const datasource = useMemo<IDatasource>(
    () => queryDatasource(props.queryKey, latest, early, (e) => void message.error(errorText(e))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.queryKey],
  );
  // The grid takes the current datasource when it is ready (the query may change while it is being built).
  const currentDatasource = useRef(datasource);
  useEffect(() => {
    currentDatasource.current = datasource;
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  const sortKey = JSON.stringify(props.sort ?? null);
  useEffect(() => {
    if (!props.sort || !gridApi.current) return;
    gridApi.current.applyColumnState({ state: props.sort.map((s) => ({ colId: s.colId, sort: s.sort })), defaultState: { sort: null } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sortKey]);

  const callbacks = useGridCallbacks(latest, gridApi, currentDatasource);
  // The registers' cells are plain DOM: ag-grid draws them itself (PlainAgGrid), without a React tree per cell.
  // Worklists with JSX cells need AgGridReact.
  const plain = useMemo(() => plainCellsOnly(props.columns as ColDef[]), [props.columns]);
  const options = { ...gridOptions(props.columns, props.emptyText), ...callbacks } satisfies GridOptions<T>;
  return (
    <div className="gl-grid" data-testid={props.testId} style={props.height ? { flex: 'none', height: props.height } : undefined}>
      {plain ? <PlainAgGrid<T> {...options} /> : <AgGridReact<T> {...options} />}
    </div>
  );
}

/** The grid's options but its callbacks. */
function gridOptions<T>(columns: ColDef<T>[], emptyText: string) {
  return {
    rowModelType: 'infinite',
    cacheBlockSize: PAGE_ROWS,
    maxBlocksInCache: 50,
    rowBuffer: ROW_BUFFER,
    animateRows: false,
    columnDefs: columns,
    defaultColDef: DEFAULT_COL_DEF,
    localeText: AG_GRID_LOCALE_CN,
    rowSelection: ROW_SELECTION,
    overlayNoRowsTemplate: emptyText,
    // Without tooltips the browser's (none) shows the same as ag-grid's (none), but ag-grid's tooltip component
    // costs every cell a tooltip manager with its own mouse listeners, made and dropped on every scrolled frame.
    enableBrowserTooltips: !columnsHaveTooltips(columns as ColDef[]),
  } satisfies GridOptions<T>;
}

/**
 * The first block, asked for as soon as the register mounts, while ag-grid is still being built (~100 ms on a
 * slow PC); the grid's first getRows takes it when it asks for the same query, sort and rows.
 */
function useFirstBlockEarly<T>(latest: RefObject<InfiniteGridProps<T>>, gridApi: RefObject<GridApi<T> | null>) {
  const early = useRef<EarlyBlock<T> | null>(null);
  useEffect(() => {
    if (gridApi.current) return; // a grid already up has asked for its rows itself
    const { fetch, sort = [], queryKey } = latest.current;
    const req = blockRequest(sort, 0, PAGE_ROWS, true); // block 0 always counts (needsCount)
    const rows = fetch(req);
    rows.catch(() => undefined); // the grid reports a failure when it takes the block; an unused one is dropped
    early.current = { key: blockKey(queryKey, req), rows };
  }, [latest, gridApi]);
  return early;
}

/** The grid's callbacks as stable functions reading the latest props. */
function useGridCallbacks<T extends { id: string }>(latest: RefObject<InfiniteGridProps<T>>, gridApi: RefObject<GridApi<T> | null>, datasource: RefObject<IDatasource>) {
  const getRowId = useCallback((p: GetRowIdParams<T>) => p.data.id, []);
  const onGridReady = useCallback(
    (e: GridReadyEvent<T>) => {
      gridApi.current = e.api;
      const { sort } = latest.current;
      if (sort) e.api.applyColumnState({ state: sort, defaultState: { sort: null } });
      e.api.setGridOption('datasource', datasource.current);
    },
    [latest, gridApi, datasource],
  );
  const onSortChanged = useCallback(
    (e: SortChangedEvent<T>) => {
      const sort = e.api
        .getColumnState()
        .filter((c) => c.sort)
        .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
        .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
      latest.current.onSortChange?.(sort);
    },
    [latest],
  );
  const onRowDoubleClicked = useCallback((e: RowDoubleClickedEvent<T>) => void (e.data && latest.current.onOpen(e.data)), [latest]);
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<T>) => {
      if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) latest.current.onOpen(e.data);
    },
    [latest],
  );
  return useMemo(() => ({ getRowId, onGridReady, onSortChanged, onRowDoubleClicked, onCellKeyDown }), [getRowId, onGridReady, onSortChanged, onRowDoubleClicked, onCellKeyDown]);
}
