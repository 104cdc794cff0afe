import { z } from 'zod';
import { method, type MethodDef } from '../define';
import { fileToken, id, requiredText } from '../schemas/common';
import { documentTarget, formKey, generatedFile } from './documents';

// County .docx templates (模板管理): a county's own Word layout of a standard form, with placeholders
// named after the national labels ({户主姓名}, {#成员}…{/成员}). Checked before it is stored.

export const templateRecord = z.object({
  id,
  name: z.string(),
  form: formKey,
  formTitle: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  /** placeholders found in the file, e.g. ['户主姓名', '成员'] */
  placeholders: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  rowVersion: z.number().int(),
});
export type TemplateRecord = z.infer<typeof templateRecord>;

export interface PlaceholderDocOut {
  占位符: string;
  说明: string;
  循环字段?: PlaceholderDocOut[];
}
const placeholderDoc: z.ZodType<PlaceholderDocOut> = z.lazy(() =>
  z.object({ 占位符: z.string(), 说明: z.string(), 循环字段: z.array(placeholderDoc).optional() }),
);

export const templatesMethods = {
  'templates.check': method({
    input: z.strictObject({ token: fileToken, form: formKey }),
    output: z.object({ problems: z.array(z.string()), placeholders: z.array(z.string()) }),
    access: 'templates.manage',
    write: false,
    summary: '检查上传的 Word 模板：列出中文问题（未知占位符、括号不配对、公示模板含证件号码等），不保存',
  }),
  'templates.register': method({
    input: z.strictObject({ token: fileToken, name: requiredText(60), form: formKey }),
    output: templateRecord,
    access: 'templates.manage',
    write: true,
    summary: '登记县里的 Word 模板（先检查，有问题则不保存并列出问题）',
  }),
  'templates.list': method({
    input: z.strictObject({ form: formKey.optional() }),
    output: z.array(templateRecord),
    access: 'documents.generate',
    write: false,
    summary: '已登记的模板',
  }),
  'templates.remove': method({
    input: z.strictObject({ id, rowVersion: z.number().int().min(1) }),
    output: z.object({ removed: z.boolean() }),
    access: 'templates.manage',
    write: true,
    summary: '停用一个模板（保留记录）',
  }),
  'templates.placeholders': method({
    input: z.strictObject({ form: formKey }),
    output: z.array(placeholderDoc),
    access: 'documents.generate',
    write: false,
    summary: '一种文书可用的占位符及说明',
  }),
  'templates.fill': method({
    input: z.strictObject({ templateId: id, ...documentTarget, masked: z.boolean().optional() }),
    output: generatedFile,
    access: 'documents.generate',
    write: true,
    summary: '用县里的模板为一户（或一个案件、会议、公示）生成文书，与内置文书相同的隐私规则',
  }),
} satisfies Record<string, MethodDef>;
