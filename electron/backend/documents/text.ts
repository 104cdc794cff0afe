/**
 * Text conventions of Chinese official forms: fonts, 号 sizes, title and body paragraphs, and the
 * formatting of dates, money and check boxes as clerks expect them on paper.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, UnderlineType, type ParagraphChild } from 'docx';
import { validationError } from '../../../shared/domain/errors';
import { formatFen } from '../../../shared/domain/money';
import type { Fen } from './model-common';

/** 方正小标宋简体 for titles; 仿宋_GB2312 for body (GB/T 9704). Latin digits in Times New Roman. */
export const FONT_TITLE = '方正小标宋简体';
export const FONT_BODY = '仿宋_GB2312';
export const FONT_LATIN = 'Times New Roman';

/** Chinese type sizes in points (二号 22, 三号 16, 四号 14 …). */
export const PT = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;

/** The paragraph style of form titles (defined by documentStyles in layout.ts). */
export const TITLE_STYLE = 'FormTitle';

/** Exact line pitch of body text: 28 pt, the usual 三号 公文 line. In twips. */
export const BODY_LINE = 560;

export type Align = 'left' | 'center' | 'right' | 'justify';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export const alignment = (a: Align) => ALIGN[a];

export interface RunStyle {
  size?: number;
  bold?: boolean;
  underline?: boolean;
  font?: string;
}

/**
 * A run: east-Asian text in `font` (default 仿宋_GB2312), Latin text in Times New Roman. Body-font
 * runs leave the font to the document defaults (documentStyles): repeating it on every run made
 * a 信息采集表 a third larger and slower to pack, for no visible difference.
 */
export function run(text: string, style: RunStyle = {}): TextRun {
  const font = style.font && style.font !== FONT_BODY ? { ascii: FONT_LATIN, hAnsi: FONT_LATIN, eastAsia: style.font, cs: FONT_LATIN } : undefined;
  return new TextRun({
    text,
    size: Math.round((style.size ?? PT.三号) * 2),
    bold: style.bold,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
    font,
  });
}

/**
 * Form title in the document's title style (方正小标宋简体 二号 unless the profile says otherwise,
 * see documentStyles). `size` overrides the style's size, e.g. 三号 for a 回执 heading.
 */
export function titleParagraph(text: string, size?: number): Paragraph {
  return new Paragraph({
    style: TITLE_STYLE,
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, size: size ? Math.round(size * 2) : undefined })],
  });
}

export interface ParagraphStyle extends RunStyle {
  align?: Align;
  /** indent the first line by two characters (正文 convention) */
  indent?: boolean;
  /** exact line pitch in twips; default: body 28 pt for 三号, single for smaller text */
  line?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

/** A paragraph of plain text, or of prepared runs (for fill-in blanks and signatures). */
export function para(content: string | ParagraphChild[], style: ParagraphStyle = {}): Paragraph {
  const size = style.size ?? PT.三号;
  const children = typeof content === 'string' ? [run(content, style)] : content;
  const exact = style.line ?? (size >= PT.三号 ? BODY_LINE : undefined);
  return new Paragraph({
    alignment: alignment(style.align ?? 'justify'),
    indent: style.indent ? { firstLine: Math.round(size * 20 * 2) } : undefined,
    spacing: {
      before: style.before ?? 0,
      after: style.after ?? 0,
      ...(exact ? { line: exact, lineRule: LineRuleType.EXACT } : { line: 240, lineRule: LineRuleType.AUTO }),
    },
    keepNext: style.keepNext,
    children,
  });
}

/** An empty line of the given size (vertical space). */
export const blankLine = (size: number = PT.三号) => para('', { size });

/**
 * A fill-in blank: the value underlined and padded with full-width spaces to at least `minChars`
 * characters. An empty blank prints as a line of underscores: spaces alone would collapse at the
 * end of a right-aligned line and leave no room for a pen.
 */
export function fillIn(value: string | number | undefined, minChars: number, style: RunStyle = {}): TextRun {
  const text = value === undefined || value === '' ? '' : String(value);
  if (!text) return run('_'.repeat(minChars * 2), { ...style, underline: false });
  const pad = Math.max(0, minChars - [...text].length);
  const half = Math.floor(pad / 2);
  return run('\u3000'.repeat(half) + text + '\u3000'.repeat(pad - half), { ...style, underline: true });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Blank date for a pen: 「　　年　　月　　日」. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/**
 * '2026-11-29' → '2026年11月29日'; months and days without leading zeros (公文 style: 1月5日).
 * Empty → the blank date for a pen. A malformed date is a data error, never silently printed.
 */
export function formatChineseDate(iso: string | undefined | null): string {
  if (!iso) return BLANK_DATE;
  const m = ISO_DATE.exec(iso);
  if (!m) throw validationError([{ path: 'date', message: `日期「${iso}」格式不对，应为 YYYY-MM-DD，请修正后再打印。` }]);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026-11' (or a full date) → '2026年11月'; empty → 「　　年　　月」. */
export function formatChineseMonth(iso: string | undefined | null): string {
  if (!iso) return '\u3000\u3000年\u3000\u3000月';
  const m = ISO_MONTH.exec(iso) ?? ISO_DATE.exec(iso);
  if (!m) throw validationError([{ path: 'month', message: `年月「${iso}」格式不对，应为 YYYY-MM，请修正后再打印。` }]);
  return `${m[1]}年${Number(m[2])}月`;
}

/** 分 → 元 with two decimals, no digit grouping (as forms print it): 123456 → '1234.56'; empty when absent. */
export function formatYuan(fen: Fen | undefined | null): string {
  if (fen === undefined || fen === null) return '';
  return formatFen(fen, { grouping: false });
}

export const CHECKED = '☑';
export const UNCHECKED = '□';

/** Check-box list: checkboxes(['脱贫户','一般农户'], '一般农户') → '□脱贫户　☑一般农户'. */
export function checkboxes(options: readonly string[], selected: string | readonly string[] | undefined, sep = '\u3000'): string {
  const chosen = new Set(typeof selected === 'string' ? [selected] : (selected ?? []));
  return options.map((o) => `${chosen.has(o) ? CHECKED : UNCHECKED}${o}`).join(sep);
}

/** 是/否 boxes; null/undefined leaves both empty for a pen. */
export function yesNo(value: boolean | null | undefined, labels: readonly [string, string] = ['是', '否']): string {
  const pick = value === true ? labels[0] : value === false ? labels[1] : undefined;
  return checkboxes(labels, pick, ' ');
}

/** 是/否 as a word for list cells; empty when unknown. */
export const yesNoWord = (value: boolean | null | undefined): string => (value === true ? '是' : value === false ? '否' : '');

/** Values from the VM that are not in the profile list still print (as 「其他：…」 is not lost). */
export function optionsWith(options: readonly string[], selected: readonly string[]): string[] {
  return [...options, ...selected.filter((s) => !options.includes(s))];
}
