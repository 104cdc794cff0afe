/**
 * 模板管理: county .docx templates checked (validateTemplate, Chinese problems), stored as files of
 * kind 'template' with a document_templates row, and filled for a household with the same view
 * models — and the same privacy rules — as the built-in forms.
 */
import PizZip from 'pizzip';
import type { TemplateRecord } from '../../../../shared/api/methods/templates';
import { conflict, notFound, validationError } from '../../../../shared/domain/errors';
import type { HandlerContext } from '../../context';
import { getTemplate, insertTemplate, listTemplates, tombstoneTemplate, type TemplateRow } from '../../repos/documentsRead';
import { FILE_TITLES, mapForm, type FormTarget } from '../mappers';
import { FORMS, isFormKey, type FormKey, type FormModels } from '../registry';
import { fillFormTemplate, validateTemplate } from '../templates';
import { assertTargetInScope, fileName, internalMasking, mapContext, singleTarget, storeGenerated } from './common';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function uploaded(ctx: HandlerContext, token: string): Buffer {
  const meta = ctx.services.files.meta(token);
  if (meta.kind !== 'upload') throw notFound('上传的模板文件');
  return ctx.services.files.read(token);
}

/** Tag names as typed in the template ({户主姓名}, {#成员} → 户主姓名, 成员), from the body text. */
export function tagNames(bytes: Uint8Array): string[] {
  try {
    const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return [...new Set([...text.matchAll(/\{[#^/]?\s*([^{}#^/\s][^{}]*?)\s*\}/g)].map((m) => m[1]))];
  } catch {
    return [];
  }
}

export function checkTemplate(ctx: HandlerContext, token: string, form: FormKey): { problems: string[]; placeholders: string[] } {
  const bytes = uploaded(ctx, token);
  const problems = validateTemplate(bytes, form);
  return { problems, placeholders: problems.length === 0 ? tagNames(bytes) : [] };
}

const toRecord = (t: TemplateRow): TemplateRecord => {
  const form = isFormKey(t.formKey) ? t.formKey : 'intake';
  return { id: t.id, name: t.name, form, formTitle: FORMS[form].title, fileId: t.fileId, fileName: t.fileName, placeholders: t.placeholders, createdAt: t.createdAt, createdBy: t.createdBy, rowVersion: t.rowVersion };
};

/** Sync (runs in the dispatch transaction): the file row, the template row, audit and change log together. */
export function registerTemplate(ctx: HandlerContext, input: { token: string; name: string; form: FormKey }): TemplateRecord {
  const bytes = uploaded(ctx, input.token);
  const problems = validateTemplate(bytes, input.form);
  if (problems.length > 0) throw validationError(problems.map((message) => ({ path: 'token', message })), `模板有 ${problems.length} 处问题，未保存：${problems.join('；')}`);
  const user = ctx.user();
  const original = ctx.services.files.meta(input.token).originalName;
  const file = ctx.services.files.put(bytes, { originalName: original.endsWith('.docx') ? original : `${input.name}.docx`, kind: 'template', mime: DOCX, createdBy: user.username, at: ctx.nowIso() });
  const id = ctx.ids.newId();
  insertTemplate(ctx.db, { id, name: input.name, formKey: input.form, fileId: file.id, placeholders: tagNames(bytes) }, ctx.nowIso(), user.username);
  const record = toRecord(getTemplate(ctx.db, id)!);
  ctx.audit({ action: 'create', entity: 'document_template', entityId: id, summary: `登记模板「${input.name}」（用于${FORMS[input.form].title}），文件 SHA-256 ${file.sha256}` });
  ctx.change('document_template', id, record.rowVersion, 'upsert', { ...record, sha256: file.sha256 });
  return record;
}

export const listTemplateRecords = (ctx: HandlerContext, form?: FormKey): TemplateRecord[] => listTemplates(ctx.db, form).map(toRecord);

export function removeTemplate(ctx: HandlerContext, id: string, rowVersion: number): { removed: boolean } {
  const t = getTemplate(ctx.db, id);
  if (!t) throw notFound('该模板');
  if (t.rowVersion !== rowVersion) throw conflict('该模板已被他人修改，请刷新后重试。');
  tombstoneTemplate(ctx.db, id, ctx.nowIso(), ctx.user().username);
  ctx.audit({ action: 'delete', entity: 'document_template', entityId: id, summary: `停用模板「${t.name}」` });
  ctx.change('document_template', id, rowVersion + 1, 'delete', { id });
  return { removed: true };
}

export async function fillCountyTemplate(ctx: HandlerContext, input: FormTarget & { templateId: string; masked?: boolean }): Promise<{ fileId: string; name: string }> {
  const t = getTemplate(ctx.db, input.templateId);
  if (!t || !isFormKey(t.formKey)) throw notFound('该模板');
  const form = t.formKey;
  const target = singleTarget(input);
  assertTargetInScope(ctx, target);
  const masked = internalMasking(ctx, form, input.masked);
  const mapped = mapForm(mapContext(ctx, masked), form, target);
  const bytes = fillFormTemplate(form, ctx.services.files.read(t.fileId), mapped.model as FormModels[FormKey]);
  const name = fileName(`${mapped.fileBase}（${t.name}）`, ctx, 'docx', masked);
  const file = storeGenerated(ctx, bytes, { name, householdId: mapped.householdId, action: 'document.template', summary: `用模板「${t.name}」生成${FILE_TITLES[form]}${masked ? '（证件号码与电话已遮挡）' : ''}` });
  return { fileId: file.id, name: file.originalName };
}
