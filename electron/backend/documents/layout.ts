/**
 * Shared page layout of the standard forms: A4 (11906×16838 twips), margins from a parameter,
 * footer with page numbers, document-wide fonts. Re-exports the text, table, signature and
 * approval-block helpers so a form builder imports from one place.
 */
import {
  AlignmentType,
  Footer,
  LineRuleType,
  Tab,
  Table,
  TabStopType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import type { OfficeVM } from './model-common';
import type { Margins, ResolvedOptions, Typography } from './options';
import { FONT_BODY, FONT_LATIN, PT, run, TITLE_STYLE } from './text';

export * from './text';
export * from './table';
export * from './signature';
export * from './approval';

/** A4 in twips. Literal values: convertMillimetersToTwip(210) floors to 11905. */
export const A4 = { width: 11906, height: 16838 } as const;

export const cmToTwip = (cm: number): number => Math.round((cm * 1440) / 2.54);

export type Orientation = 'portrait' | 'landscape';

/** Width between the left and right margins, in twips. */
export function textWidth(orientation: Orientation, margins: Margins): number {
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - cmToTwip(margins.left) - cmToTwip(margins.right);
}

/** What every form builder returns: one section of a document (one household's form). */
export interface FormContent {
  title: string;
  orientation: Orientation;
  children: FileChild[];
  /** a line printed above the page number, e.g. a meeting record's lock hash */
  footerNote?: string;
}

/** The page a builder lays out on: its text width and the resolved options. */
export interface PageContext extends ResolvedOptions {
  orientation: Orientation;
  width: number;
}

export const pageContext = (orientation: Orientation, options: ResolvedOptions): PageContext => ({
  ...options,
  orientation,
  width: textWidth(orientation, options.margins),
});

/**
 * What 「共 Y 页」 counts. A single form counts the document (NUMPAGES, shown by Word, WPS and
 * LibreOffice). A batch print counts the section (SECTIONPAGES) so each household's form reads
 * 「第 1 页 共 3 页」 — Word and WPS show it; LibreOffice 7.4 leaves it blank.
 */
export type PageCount = 'document' | 'section';

/** 「第 X 页 共 Y 页」; page numbers restart at 1 in every section (see formSection). */
export function pageFooter(note?: string, count: PageCount = 'document'): Footer {
  const size = PT.五号;
  const children: Paragraph[] = [];
  for (const line of note?.split('\n') ?? []) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line, { size: PT.小五 })] }));
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        run('第 ', { size }),
        pageField(PageNumber.CURRENT, size),
        run(' 页 共 ', { size }),
        pageField(count === 'section' ? PageNumber.TOTAL_PAGES_IN_SECTION : PageNumber.TOTAL_PAGES, size),
        run(' 页', { size }),
      ],
    }),
  );
  return new Footer({ children });
}

function pageField(field: (typeof PageNumber)[keyof typeof PageNumber], size: number) {
  return new TextRun({
    children: [field],
    size: Math.round(size * 2),
    font: { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia: FONT_BODY },
  });
}

/** One section: A4 in the form's orientation, the given margins, page numbers restarting at 1. */
export function formSection(content: FormContent, margins: Margins, count: PageCount = 'document'): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: content.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: cmToTwip(margins.top),
          bottom: cmToTwip(margins.bottom),
          left: cmToTwip(margins.left),
          right: cmToTwip(margins.right),
          footer: cmToTwip(Math.min(1.5, margins.bottom * 0.6)),
        },
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: pageFooter(content.footerNote, count) },
    children: separateTables(content.children),
  };
}

/**
 * Document defaults: the body face (仿宋_GB2312) at 三号 with Chinese language tags, so unstyled
 * text still looks right; and the title style (方正小标宋简体 二号), both from the profile.
 */
export function documentStyles(t: Typography): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia: t.bodyFont, cs: FONT_LATIN },
          size: PT.三号 * 2,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
      },
    },
    paragraphStyles: [
      {
        id: TITLE_STYLE,
        name: 'Form Title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia: t.titleFont, cs: FONT_LATIN }, size: Math.round(t.titlePt * 2) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

/** 「平江县三市镇红星村第三组」 — place names joined as printed on headers. */
export function placeName(office: OfficeVM, group?: string): string {
  return [office.省, office.市, office.县, office.乡镇, office.村, group].filter(Boolean).join('');
}

/**
 * The line above a grid: place on the left, e.g. 户编号 on the right (forms.md §1), with a right
 * tab stop at the text width so both ends align whatever the lengths.
 */
export function headerLine(left: string, right: string, width: number, size: number = PT.小四): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    spacing: { before: 0, after: 80, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(left, { size }), new TextRun({ children: [new Tab()] }), run(right, { size })],
  });
}

/**
 * Word and LibreOffice join two tables with nothing between them into one table (grids and all).
 * A hairline paragraph between consecutive tables keeps each table its own.
 */
export function separateTables(children: readonly FileChild[]): FileChild[] {
  const out: FileChild[] = [];
  children.forEach((child, i) => {
    if (i > 0 && child instanceof Table && children[i - 1] instanceof Table) {
      out.push(new Paragraph({ spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT }, children: [] }));
    }
    out.push(child);
  });
  return out;
}
