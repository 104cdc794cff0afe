import { z } from 'zod';
import { method, type MethodDef } from '../define';
import { id, shortText } from '../schemas/common';

// 文书打印 (DOMAIN §9): the standard forms generated from the records, batch printing, the 一户一档
// dossier, and the Excel reports that leave the office (季度风险评估表, 台账). exports.quarterly and
// exports.ledger live here (exports.ts belongs to the import/export area).

/** Form keys of electron/backend/documents/registry.ts (kept in sync by a contract test). */
export const FORM_KEYS = [
  'application',
  'intake',
  'incomeSheet',
  'minutes',
  'publicNotice',
  'announcement',
  'approval',
  'measures',
  'eliminationAssessment',
  'rejectionNotice',
] as const;
export type FormKeyName = (typeof FORM_KEYS)[number];
export const formKey = z.enum(FORM_KEYS);

/** What a form is generated from: one household, one case, one meeting or one 公示. */
export const FORM_SOURCES = ['household', 'case', 'meeting', 'notice'] as const;
export type FormSource = (typeof FORM_SOURCES)[number];

export const formInfo = z.object({
  key: formKey,
  title: z.string(),
  /** posted in public: never carries ID numbers, phones, bank accounts or health data */
  isPublic: z.boolean(),
  orientation: z.enum(['portrait', 'landscape']),
  /** the record the clerk picks; household forms may also be batch-printed */
  source: z.enum(FORM_SOURCES),
  batchable: z.boolean(),
});
export type FormInfo = z.infer<typeof formInfo>;

/** Exactly one of the four record ids names what to print. */
export const documentTarget = {
  householdId: id.optional(),
  caseId: id.optional(),
  meetingId: id.optional(),
  noticeId: id.optional(),
};

export const generatedFile = z.object({ fileId: z.string(), name: z.string() });

export const applicableForm = z.object({
  form: formKey,
  title: z.string(),
  available: z.boolean(),
  /** why it cannot be generated yet (Chinese), when not available */
  reason: z.string().optional(),
  caseId: z.string().optional(),
  meetingId: z.string().optional(),
  noticeId: z.string().optional(),
});
export type ApplicableForm = z.infer<typeof applicableForm>;

export const dossierFile = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  /** 文书 / 扫描件 / 照片 / 签名 / 其他 */
  kindLabel: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DossierFile = z.infer<typeof dossierFile>;

export const skippedHousehold = z.object({ householdId: z.string(), headName: z.string(), reason: z.string() });

export const LEDGER_KINDS = ['monitored', 'warnings', 'measures', 'visits'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_LABELS: Record<LedgerKind, string> = { monitored: '监测对象台账', warnings: '预警台账', measures: '帮扶措施台账', visits: '走访台账' };

/** Masked by default; `masked: false` needs pii.unmask and a purpose, and is audited. */
const outgoing = {
  masked: z.boolean().optional(),
  purpose: shortText(100).optional(),
};

export const sheetResult = z.object({ fileId: z.string(), name: z.string(), rows: z.number().int(), masked: z.boolean() });

export const documentsMethods = {
  'documents.forms': method({
    input: z.strictObject({}),
    output: z.array(formInfo),
    access: 'documents.generate',
    write: false,
    summary: '可生成的标准文书列表（名称、是否公示公告、按户/案件/会议/公示生成）',
  }),
  'documents.applicable': method({
    input: z.strictObject({ householdId: id }),
    output: z.array(applicableForm),
    access: 'documents.generate',
    write: false,
    summary: '一户当前可生成的文书，以及暂不能生成的原因',
  }),
  'documents.generate': method({
    input: z.strictObject({ form: formKey, ...documentTarget, masked: z.boolean().optional() }),
    output: generatedFile,
    access: 'documents.generate',
    write: true,
    summary: '生成一份标准文书（.docx），存入该户文书档案；公示公告不含证件号码、电话、银行账号、健康状况',
  }),
  'documents.batch': method({
    input: z.strictObject({
      form: formKey,
      householdIds: z.array(id).min(1).max(5000).optional(),
      villageId: id.optional(),
      merged: z.boolean(),
      masked: z.boolean().optional(),
      /** progress events and cancel use this id */
      jobId: z.string().regex(/^[0-9A-Za-z-]{8,64}$/).optional(),
    }),
    output: generatedFile.extend({ count: z.number().int(), files: z.number().int(), skipped: z.array(skippedHousehold) }),
    access: 'documents.generate',
    write: true,
    summary: '批量生成按户文书：合并为一个 Word 文件（超过 100 户分成多个文件打包），或每户一个文件打包为 .zip；有进度并可取消',
  }),
  'documents.cancel': method({
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: z.object({ cancelled: z.boolean() }),
    access: 'documents.generate',
    write: false,
    summary: '取消正在进行的批量生成',
  }),
  'documents.files': method({
    input: z.strictObject({ householdId: id }),
    output: z.array(dossierFile),
    access: 'register.read',
    write: false,
    summary: '一户的文书档案：已生成的文书、扫描件、照片',
  }),
  'dossier.export': method({
    input: z.strictObject({ householdId: id }),
    output: generatedFile.extend({ pdf: z.boolean(), entries: z.number().int() }),
    access: 'documents.generate',
    write: true,
    summary: '导出一户一档（.zip）：全部适用文书、所涉会议记录与公示、扫描件与照片、流程记录，及所有文书合成的 PDF（本机装有 LibreOffice 时）',
  }),
  'exports.quarterly': method({
    input: z.strictObject({ year: z.number().int().min(2020).max(2100), quarter: z.number().int().min(1).max(4), villageId: id.optional(), ...outgoing }),
    output: sheetResult.extend({ dueDate: z.string() }),
    access: 'register.export',
    write: true,
    summary: '季度风险评估表（.xlsx）：本季度研判（评级）的农户，每户一行，含本季度与上季度风险颜色、帮扶措施与帮扶干部；证件号码默认遮挡',
  }),
  'exports.ledger': method({
    input: z.strictObject({ kind: z.enum(LEDGER_KINDS), villageId: id.optional(), ...outgoing }),
    output: sheetResult.extend({ note: z.string().optional() }),
    access: 'register.export',
    write: true,
    summary: '台账（.xlsx）：监测对象台账、预警台账、帮扶措施台账、走访台账；证件号码与电话以文本保存并默认遮挡',
  }),
} satisfies Record<string, MethodDef>;

// ── 季度风险评估表 periods (pure; shared so the screen shows the same dates the backend uses) ──

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const lastDay = (year: number, month: number) => (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : DAYS_IN_MONTH[month - 1]);

/** First and last day of a quarter: 2026 Q4 → 2026-10-01 … 2026-12-31. */
export function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { from: `${year}-${pad2(first)}-01`, to: `${year}-${pad2(last)}-${pad2(lastDay(year, last))}` };
}

/** The quarter before: 2026 Q1 → 2025 Q4. */
export const previousQuarter = (year: number, quarter: number): { year: number; quarter: number } => (quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 });

/**
 * 「每季度 5 号前上报风险评估表」(seed): a quarter's table is reported by `dueDay` of the first month
 * of the next quarter — 2026 Q4 by 2027-01-05 (profile.assistance.quarterlyReportDueDay).
 */
export function quarterlyDueDate(year: number, quarter: number, dueDay: number): string {
  const next = quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
  return `${next.year}-${pad2((next.quarter - 1) * 3 + 1)}-${pad2(dueDay)}`;
}
