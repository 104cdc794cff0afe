import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { GridApi, IDatasource, SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { HouseholdFilter, HouseholdSummary } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { householdColumns } from './householdColumns';

/**
 * The household register on ag-grid's infinite row model: ag-grid asks for rows [start, end) with
 * its sort model; households.list answers from SQL. No full table ever reaches the renderer.
 */
export function HouseholdGrid({ filter, refreshKey, onTotal }: { filter: HouseholdFilter; refreshKey?: number; onTotal?: (n: number) => void }) {
  const session = useSession();
  const { message } = App.useApp();
  const gridApi = useRef<GridApi<HouseholdSummary> | null>(null);
  const columns = useMemo(() => householdColumns(session.profile, session.can('pii.full')), [session]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        const sort = (p.sortModel as SortModelItem[]).map((s) => ({ colId: s.colId, sort: s.sort }));
        api
          .call('households.list', { filter, sort, startRow: p.startRow, endRow: p.endRow })
          .then((r) => {
            onTotal?.(r.total);
            p.successCallback(r.rows, r.total);
          })
          .catch((e: unknown) => {
            void message.error(errorText(e));
            p.failCallback();
          });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(filter), refreshKey],
  );

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  return (
    <div className="gl-grid" data-testid="household-grid">
      <AgGridReact<HouseholdSummary>
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={50}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: false }}
        localeText={AG_GRID_LOCALE_CN}
        getRowId={(p) => p.data.id}
        onGridReady={(e) => {
          gridApi.current = e.api;
          e.api.setGridOption('datasource', datasource);
        }}
        onRowDoubleClicked={(e) => e.data && navigate(`/household/${e.data.id}`)}
        onCellKeyDown={(e) => {
          if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) navigate(`/household/${e.data.id}`);
        }}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        overlayNoRowsTemplate="没有符合条件的农户。可以调整筛选条件，或点击“新建农户”录入。"
      />
    </div>
  );
}
