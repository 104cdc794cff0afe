import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { MemberRow } from '../../../../shared/api/methods/members';
import { COLOURS, type Colour } from '../common/ColourTag';

// Register cells drawn as plain DOM. A React cell renderer costs a React subtree per cell, and a scrolled
// frame makes and throws away a whole screen of cells; ag-grid advises plain renderers for fast scrolling.
// The chips look like the antd tags they replace (registerGrid.css).

/** 风险颜色: the same chip as ColourTag (UI.md colours, label 红色/橙色/黄色/蓝色); "—" when none. */
export class ColourCell implements ICellRendererComp {
  private readonly chip = document.createElement('span');

  init(params: ICellRendererParams<unknown, string | null>): void {
    this.show(params.value);
  }

  getGui(): HTMLElement {
    return this.chip;
  }

  refresh(params: ICellRendererParams<unknown, string | null>): boolean {
    this.show(params.value);
    return true;
  }

  private show(colour: string | null | undefined): void {
    const c = colour && colour in COLOURS ? COLOURS[colour as Colour] : null;
    this.chip.className = c ? 'gl-chip' : 'gl-muted';
    this.chip.textContent = c ? c.label : '—';
    this.chip.style.backgroundColor = c?.color ?? '';
    this.chip.style.color = c?.text ?? '';
  }
}

/** 年级 of a pupil (e.g. "3年级", "未填") with a 未确认 chip while this school year's grade is unconfirmed. */
export class GradeCell implements ICellRendererComp<MemberRow> {
  private readonly cell = document.createElement('span');

  init(params: ICellRendererParams<MemberRow, number | null>): void {
    this.show(params);
  }

  getGui(): HTMLElement {
    return this.cell;
  }

  refresh(params: ICellRendererParams<MemberRow, number | null>): boolean {
    this.show(params);
    return true;
  }

  private show({ value, data }: ICellRendererParams<MemberRow, number | null>): void {
    this.cell.replaceChildren();
    if (!data?.schoolStage) return;
    this.cell.append(`${value ? `${value}年级` : '未填'} `);
    if (data.gradeUnconfirmed) {
      const chip = document.createElement('span');
      chip.className = 'gl-chip gl-chip-warning';
      chip.textContent = '未确认';
      this.cell.append(chip);
    }
  }
}
