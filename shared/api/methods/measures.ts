import { z } from 'zod';
import { FINDING_CODES, MEASURE_STATUSES } from '../../domain/assistanceTerms';
import { method } from '../define';
import { auditStamp, id, isoDate, pageOf, pageRequest, requiredText, shortText, sortModel } from '../schemas/common';

// 帮扶措施 (DOMAIN §5): one row per measure per household, and the inspectors' rule findings.
// Category / item / 八个优先 values are checked against the 地方口径 profile by the backend.

const optionalDate = isoDate.nullable().optional();

export const measureInput = z.strictObject({
  id: id.optional(),
  rowVersion: z.number().int().min(1).optional(),
  householdId: id,
  category: requiredText(40),
  item: shortText(60).nullable().optional(),
  priority: shortText(60).nullable().optional(),
  content: requiredText(500),
  responsibleUnit: shortText(100).optional(),
  responsiblePerson: shortText(50).optional(),
  plannedStart: optionalDate,
  plannedEnd: optionalDate,
  actualStart: optionalDate,
  actualEnd: optionalDate,
  /** 金额 in 分 (integer, ≤ 1 亿元). */
  amountFen: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  status: z.enum(MEASURE_STATUSES),
  effect: shortText(1000).optional(),
});
export type MeasureInput = z.input<typeof measureInput>;

export const measure = z.object({
  id,
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  category: z.string(),
  item: z.string().nullable(),
  priority: z.string().nullable(),
  content: z.string(),
  responsibleUnit: z.string(),
  responsiblePerson: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  status: z.enum(MEASURE_STATUSES),
  effect: z.string(),
  ...auditStamp,
});
export type Measure = z.infer<typeof measure>;

export const measureFilter = z
  .strictObject({
    householdId: id.optional(),
    villageId: id.optional(),
    category: shortText(40).optional(),
    status: z.enum(MEASURE_STATUSES).optional(),
    priority: shortText(60).optional(),
    /** 户主姓名 prefix or 措施内容 words. */
    search: shortText(50).optional(),
  })
  .default({});
export type MeasureFilter = z.infer<typeof measureFilter>;

export const ruleFinding = z.object({
  code: z.enum(FINDING_CODES),
  message: z.string(),
  risk: z.string().optional(),
  categories: z.array(z.string()).optional(),
});

export const householdFindings = z.object({
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  colour: z.string().nullable(),
  monitoredSince: z.string().nullable(),
  findings: z.array(ruleFinding),
});
export type HouseholdFindings = z.infer<typeof householdFindings>;

export const householdCheck = z.object({
  householdId: id,
  /** false when the household is not 监测中: the rules do not apply. */
  checked: z.boolean(),
  labourCapable: z.boolean(),
  /** 劳动意愿: null = not recorded (read as willing). */
  labourWilling: z.boolean().nullable(),
  labourReason: z.string(),
  findings: z.array(ruleFinding),
});
export type HouseholdCheck = z.infer<typeof householdCheck>;

export const measuresMethods = {
  'measures.save': method({
    input: measureInput,
    output: measure,
    access: 'assistance.write',
    write: true,
    summary: '新建或修改一户的帮扶措施（类别、八个优先、内容、责任单位/人、计划与实际起止、金额、状态、成效）',
  }),
  'measures.remove': method({
    input: z.strictObject({ id, rowVersion: z.number().int().min(1), reason: requiredText(200) }),
    output: z.object({ id }),
    access: 'assistance.write',
    write: true,
    summary: '删除误录的帮扶措施（须写明原因，留痕）',
  }),
  'measures.list': method({
    input: z.strictObject({ filter: measureFilter, sort: sortModel, ...pageRequest }),
    output: pageOf(measure),
    access: 'register.read',
    write: false,
    summary: '帮扶措施分页查询：一户的措施，或跨户台账（村、类别、状态、八个优先、搜索）',
  }),
  'measures.findings': method({
    input: z.strictObject({
      filter: z.strictObject({ villageId: id.optional(), findingCode: z.enum(FINDING_CODES).optional() }).default({}),
      ...pageRequest,
    }),
    output: pageOf(householdFindings).extend({ counts: z.record(z.string(), z.number().int()) }),
    access: 'register.read',
    write: false,
    summary: '帮扶措施规则检查清单：有劳动能力无开发式帮扶、因病/因学缺对应措施、监测满期未落实措施等',
  }),
  'measures.check': method({
    input: z.strictObject({ householdId: id }),
    output: householdCheck,
    access: 'register.read',
    write: false,
    summary: '一户的帮扶措施规则检查结果与劳动意愿',
  }),
  'measures.setLabourIntent': method({
    input: z.strictObject({ householdId: id, willing: z.boolean(), reason: shortText(200).optional() }),
    output: householdCheck,
    access: 'assistance.write',
    write: true,
    summary: '登记一户的劳动意愿（无劳动意愿须写明原因）',
  }),
};
