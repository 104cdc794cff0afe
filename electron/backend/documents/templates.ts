/**
 * County .docx templates (COMPASS B1): a county replaces a built-in form with its own Word file
 * whose placeholders are the national labels — `{户主姓名}`, loops `{#成员}{姓名}{/成员}`.
 * docxtemplater + pizzip fill them; validateTemplate checks a file before it is saved, in Chinese.
 * Signature images are not placed in templates (that needs docxtemplater's paid image module):
 * `{户主签字}` prints the signature status (已电子签名 / 纸质签字 / empty).
 */
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { validationError } from '../../../shared/domain/errors';
import { NO_PERSONAL_DATA_KEYS } from './model-public';
import { assertPostable } from './privacy';
import { FORMS, type FormKey, type FormModels } from './registry';
import { toTemplateData, type TemplateData } from './template-data';
import { TEMPLATE_FIELDS, type PlaceholderSpec } from './template-fields';
import { templateErrorMessages } from './template-errors';

/** Trims spaces clerks type inside braces (`{ 户主姓名 }`); only own properties are read. */
function parser(tag: string) {
  const name = tag.trim();
  return {
    get(scope: unknown) {
      if (name === '.') return scope;
      if (scope && typeof scope === 'object' && Object.hasOwn(scope, name)) return (scope as Record<string, unknown>)[name];
      return undefined;
    },
  };
}

function openZip(bytes: Uint8Array): PizZip {
  try {
    return new PizZip(bytes);
  } catch {
    throw validationError([{ path: 'template', message: '模板文件不是有效的 Word（.docx）文件，请用 Word 或 WPS 另存为 .docx 后重新上传。' }]);
  }
}

function compile(zip: PizZip, modules: Docxtemplater.DXT.Module[] = []): Docxtemplater {
  return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, nullGetter: () => '', parser, modules, errorLogging: false });
}

/** Fill a template with flattened data (toTemplateData). Throws a Chinese validation error on a broken template. */
export function fillTemplate(templateBytes: Uint8Array, data: TemplateData): Buffer {
  const zip = openZip(templateBytes);
  try {
    const doc = compile(zip);
    doc.render(data);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
  } catch (error) {
    const messages = templateErrorMessages(error);
    if (messages.length === 0) throw error;
    throw validationError(messages.map((message) => ({ path: 'template', message })));
  }
}

/** A form's view model through a county template: the same privacy rules as the built-in form. */
export function fillFormTemplate<K extends FormKey>(key: K, templateBytes: Uint8Array, model: FormModels[K]): Buffer {
  const postable = FORMS[key].postable;
  if (postable) assertPostable(FORMS[key].title, postable(model));
  return fillTemplate(templateBytes, toTemplateData(key, model));
}

/** One documented placeholder, as shown in the 模板管理 screen. */
export interface PlaceholderDoc {
  占位符: string;
  说明: string;
  循环字段?: PlaceholderDoc[];
}

function doc(spec: PlaceholderSpec): PlaceholderDoc {
  if (spec.kind !== 'loop') return { 占位符: `{${spec.name}}`, 说明: spec.说明 };
  return { 占位符: `{#${spec.name}}…{/${spec.name}}`, 说明: spec.说明, 循环字段: (spec.children ?? []).map(doc) };
}

export function listPlaceholders(key: FormKey): PlaceholderDoc[] {
  return TEMPLATE_FIELDS[key].map(doc);
}

type Part = { type: string; value: string; module?: string; subparsed?: Part[]; inverted?: boolean };

/** Walks the template's tags; each must be a documented field in its scope (loops see outer fields). */
function unknownTagMessages(parts: readonly Part[], scopes: readonly PlaceholderSpec[][], isPublic: boolean): string[] {
  const out: string[] = [];
  const find = (name: string) => scopes.map((s) => s.find((f) => f.name === name)).find(Boolean);
  for (const part of parts) {
    if (part.type !== 'placeholder') continue;
    const name = part.value.trim();
    const spec = find(name);
    if (part.module === 'rawxml') {
      out.push(`不支持「{@${name}}」这种原始 XML 占位符，请改为「{${name}}」。`);
    } else if (!spec) {
      out.push(
        isPublic && (NO_PERSONAL_DATA_KEYS as readonly string[]).includes(name)
          ? `公示公告模板不得使用「{${name}}」：公示公告不得公开证件号码、电话、银行账号、健康状况等敏感信息，请删除该占位符。`
          : `未知占位符「{${name}}」：本表没有这个字段，请对照「可用占位符」列表修改（注意全角/半角括号和多余的空格）。`,
      );
    } else if (part.module === 'loop' && spec.kind !== 'loop') {
      out.push(`「{${part.inverted ? '^' : '#'}${name}}」不是循环字段，请改为「{${name}}」；可循环的字段见「可用占位符」列表。`);
    } else if (part.module !== 'loop' && spec.kind === 'loop') {
      out.push(`「{${name}}」是循环字段，请写成「{#${name}}…{/${name}}」，中间放循环字段。`);
    }
    if (part.subparsed) out.push(...unknownTagMessages(part.subparsed, [spec?.children ?? [], ...scopes], isPublic));
  }
  return out;
}

/** All problems of a template for a form, in Chinese; empty when it can be used. */
export function validateTemplate(templateBytes: Uint8Array, key: FormKey): string[] {
  let zip: PizZip;
  try {
    zip = openZip(templateBytes);
  } catch (error) {
    return templateErrorMessages(error);
  }
  if (!zip.file('word/document.xml')) return ['模板文件中没有正文（word/document.xml），请确认上传的是 Word（.docx）文件。'];
  const inspect = new InspectModule();
  try {
    compile(zip, [inspect]);
  } catch (error) {
    const messages = templateErrorMessages(error);
    if (messages.length === 0) throw error;
    return messages;
  }
  const parts = inspect.getAllStructuredTags() as unknown as Part[];
  return [...new Set(unknownTagMessages(parts, [TEMPLATE_FIELDS[key]], FORMS[key].isPublic))];
}
