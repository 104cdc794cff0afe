import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useRef } from 'react';

/**
 * ag-grid's own (vanilla) rendering inside a React component, for grids whose cells are all plain DOM
 * (gridRendering.ts). AgGridReact draws every row and cell as React components: a fast scroll builds ~20 rows
 * of ~12 cells a frame, and React's hooks, refs and commits per cell cost as much again as ag-grid's own work
 * (the UI benchmark: script ~32 → ~17 ms a frame). ag-grid draws the same DOM itself. Options are applied the
 * way AgGridReact applies its props: after the first render, those whose identity changed.
 */
export function PlainAgGrid<T>(options: GridOptions<T>) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | null>(null);
  const applied = useRef(options);
  useEffect(() => {
    // A copy: ag-grid keeps the object it is given, and React freezes props in development builds.
    const grid = createGrid(host.current!, { ...applied.current });
    api.current = grid;
    return () => {
      api.current = null;
      grid.destroy();
    };
  }, []);
  useEffect(() => {
    const before = applied.current;
    applied.current = options;
    const changed = Object.fromEntries(Object.entries(options).filter(([k, v]) => before[k as keyof GridOptions<T>] !== v));
    if (api.current && Object.keys(changed).length) api.current.updateGridOptions(changed);
  });
  return <div ref={host} style={{ width: '100%', height: '100%' }} />;
}
