/**
 * Flattens a form's view model into the data a county template binds to: top-level strings named
 * after the placeholders, arrays for loops, every value already formatted as printed (元 with two
 * decimals, 2026年11月29日, 是/否). Driven by TEMPLATE_FIELDS, so only documented fields — and
 * for public postings only postable fields — ever reach a template.
 */
import { joinList } from './forms/common';
import type { SignatureVM } from './model-common';
import type { FormKey, FormModels } from './registry';
import { TEMPLATE_FIELDS, type FieldKind, type PlaceholderSpec } from './template-fields';
import { formatChineseDate, formatChineseMonth, formatYuan, yesNoWord } from './text';

export type TemplateData = { [name: string]: string | TemplateData[] };

function valueAt(source: unknown, path: string): unknown {
  if (path === '') return source;
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function signatureText(sig: SignatureVM | undefined): string {
  if (sig?.签名图片 && sig.签名图片.length > 0) return '已电子签名';
  return sig?.纸质签字 ? '纸质签字' : '';
}

/** One value as printed. Missing values print empty, never 'undefined'. */
export function formatValue(kind: FieldKind, v: unknown): string {
  if (v === undefined || v === null) return '';
  switch (kind) {
    case 'money':
      return formatYuan(v as number);
    case 'date':
      return String(v).length === 7 ? formatChineseMonth(String(v)) : formatChineseDate(String(v));
    case 'month':
      return formatChineseMonth(String(v));
    case 'bool':
      return yesNoWord(v as boolean);
    case 'check':
      return v === true ? '达标' : v === false ? '不达标' : '';
    case 'list':
      return Array.isArray(v) ? joinList(v as string[]) : String(v);
    case 'signature':
      return signatureText(v as SignatureVM);
    default:
      return String(v);
  }
}

function flatten(specs: readonly PlaceholderSpec[], source: unknown, index: number): TemplateData {
  const out: TemplateData = {};
  for (const spec of specs) {
    if (spec.kind === 'loop') {
      const rows = spec.rows ? (spec.rows as (m: unknown) => readonly object[])(source) : valueAt(source, spec.path ?? spec.name);
      out[spec.name] = (Array.isArray(rows) ? rows : []).map((row, i) => flatten(spec.children ?? [], row, i));
    } else if (spec.path === '#index') {
      out[spec.name] = String(index + 1);
    } else {
      out[spec.name] = formatValue(spec.kind, valueAt(source, spec.path ?? spec.name));
    }
  }
  return out;
}

/** The template data of one form's view model. */
export function toTemplateData<K extends FormKey>(key: K, model: FormModels[K]): TemplateData {
  return flatten(TEMPLATE_FIELDS[key], model, 0);
}
