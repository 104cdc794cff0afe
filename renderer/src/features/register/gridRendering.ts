import type { ColDef } from 'ag-grid-community';

// What a register grid's columns need from ag-grid's rendering (InfiniteGrid decides with these).

/** Column properties that take a component: a React one there needs AgGridReact to mount it. */
const COMPONENT_KEYS = ['cellRenderer', 'cellEditor', 'headerComponent', 'tooltipComponent', 'loadingCellRenderer', 'filter', 'floatingFilterComponent'] as const;

/** A plain-DOM component (a class with getGui, as ag-grid's ICellRendererComp), a registered name, or none. */
function isPlainComponent(c: unknown): boolean {
  if (c === undefined || c === null || typeof c === 'string' || typeof c === 'boolean') return true;
  return typeof c === 'function' && typeof (c as { prototype?: { getGui?: unknown } }).prototype?.getGui === 'function';
}

/**
 * Whether every column draws without React: its components are plain DOM and no selector picks one per row.
 * A function without getGui on its prototype is a React component (JSX cell renderers on the worklists).
 */
export function plainCellsOnly(columns: ColDef[]): boolean {
  return columns.every((c) => c.cellRendererSelector === undefined && c.cellEditorSelector === undefined && COMPONENT_KEYS.every((k) => isPlainComponent(c[k])));
}

/** Whether any column shows a tooltip (ag-grid's tooltip component, e.g. the leads worklist's tooltipField). */
export function columnsHaveTooltips(columns: ColDef[]): boolean {
  return columns.some((c) => c.tooltipField !== undefined || c.tooltipValueGetter !== undefined || c.headerTooltip !== undefined || c.headerTooltipValueGetter !== undefined);
}
