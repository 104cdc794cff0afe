// Which register grids draw without React (renderer/src/features/register/gridRendering.ts): the household and
// member registers must (their cells are plain DOM), a worklist with JSX cells must not (only AgGridReact can
// mount them), and the tooltip switch must see every way a column asks for a tooltip.
import type { ColDef, ICellRendererComp } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../shared/domain/profile';
import { columnsHaveTooltips, plainCellsOnly } from '../../renderer/src/features/register/gridRendering';
import { householdColumns } from '../../renderer/src/features/register/householdColumns';
import { memberColumns } from '../../renderer/src/features/register/memberColumns';

class PlainCell implements ICellRendererComp {
  getGui(): HTMLElement {
    throw new Error('not drawn in this test');
  }
  refresh(): boolean {
    return false;
  }
}
/** What a worklist's JSX cell renderer is to ag-grid: a function component (no getGui). */
const reactCell = (p: { value?: string }) => p.value ?? null;

describe('plainCellsOnly', () => {
  it('holds for the household and member registers', () => {
    expect(plainCellsOnly(householdColumns(SEED_PROFILE, false) as ColDef[])).toBe(true);
    expect(plainCellsOnly(memberColumns() as ColDef[])).toBe(true);
  });

  it('holds for text columns, plain-DOM classes and ag-grid renderers named by string', () => {
    expect(plainCellsOnly([{ field: 'a' }, { field: 'b', cellRenderer: PlainCell }, { field: 'c', cellRenderer: 'agCheckboxCellRenderer', filter: true }])).toBe(true);
  });

  it('fails for a React cell renderer, header or loading component anywhere in the columns', () => {
    expect(plainCellsOnly([{ field: 'a' }, { field: 'b', cellRenderer: reactCell }])).toBe(false);
    expect(plainCellsOnly([{ field: 'a', headerComponent: reactCell }])).toBe(false);
    expect(plainCellsOnly([{ field: 'a', loadingCellRenderer: reactCell }])).toBe(false);
  });

  it('fails when a selector picks the renderer per row (it may return a React one)', () => {
    expect(plainCellsOnly([{ field: 'a', cellRendererSelector: () => ({ component: PlainCell }) }])).toBe(false);
  });
});

describe('columnsHaveTooltips', () => {
  it('is false for the registers', () => {
    expect(columnsHaveTooltips(householdColumns(SEED_PROFILE, true) as ColDef[])).toBe(false);
    expect(columnsHaveTooltips(memberColumns() as ColDef[])).toBe(false);
  });

  it('sees a tooltip field, value getter or header tooltip on any column', () => {
    expect(columnsHaveTooltips([{ field: 'a' }, { field: 'summary', tooltipField: 'summary' }])).toBe(true);
    expect(columnsHaveTooltips([{ field: 'a', tooltipValueGetter: () => 'x' }])).toBe(true);
    expect(columnsHaveTooltips([{ field: 'a', headerTooltip: '说明' }])).toBe(true);
    expect(columnsHaveTooltips([{ field: 'a', headerTooltipValueGetter: () => '说明' }])).toBe(true);
  });
});
