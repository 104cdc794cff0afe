import { z } from 'zod';
import { SATISFACTIONS, VISIT_METHODS, VISIT_STATES } from '../../domain/assistanceTerms';
import { method } from '../define';
import { auditStamp, fileToken, id, isoDate, pageOf, pageRequest, requiredText, shortText } from '../schemas/common';

// 走访 (follow-up visits), the monthly coverage of monitored households and the 3-month escalation
// list (DOMAIN §5 跟踪; seed: 镇村按月跟踪, 3 个月风险仍未消除 → 加大帮扶力度).

const colour = z.enum(['red', 'orange', 'yellow', 'blue']);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '「月份」应为 YYYY-MM，例如 2026-11');

export const followupInput = z.strictObject({
  id: id.optional(),
  rowVersion: z.number().int().min(1).optional(),
  householdId: id,
  visitDate: isoDate,
  /** Names of the people who visited (cadres or not). */
  visitors: z.array(requiredText(30)).min(1).max(10),
  /** 结对帮扶干部 among them, when recorded. */
  cadreIds: z.array(id).max(10).optional(),
  visitMethod: z.enum(VISIT_METHODS),
  findings: requiredText(2000),
  incomeChange: shortText(500).optional(),
  /** Estimated change of annual household income, 分 (negative = fell). */
  incomeChangeFen: z.number().int().min(-10_000_000_000).max(10_000_000_000).nullable().optional(),
  newRisks: z.array(requiredText(20)).max(10).optional(),
  satisfaction: z.enum(SATISFACTIONS).nullable().optional(),
  /** The colour re-graded at this visit; null/absent = grade unchanged. */
  colourAfter: colour.nullable().optional(),
  /** Photos: file tokens from api.upload, or ids of photos already on this visit. */
  photoTokens: z.array(fileToken).max(20).optional(),
});
export type FollowupInput = z.input<typeof followupInput>;

export const followupPhoto = z.object({ fileId: id, name: z.string(), mime: z.string() });

export const followup = z.object({
  id,
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  visitDate: z.string(),
  visitors: z.array(z.string()),
  cadreIds: z.array(z.string()),
  visitMethod: z.enum(VISIT_METHODS),
  findings: z.string(),
  incomeChange: z.string(),
  incomeChangeFen: z.number().int().nullable(),
  newRisks: z.array(z.string()),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  colourBefore: z.string().nullable(),
  colourAfter: colour.nullable(),
  photos: z.array(followupPhoto),
  ...auditStamp,
});
export type Followup = z.infer<typeof followup>;

const counts = z.object({ due: z.number().int(), visited: z.number().int(), pending: z.number().int(), overdue: z.number().int() });
export type CoverageCounts = z.infer<typeof counts>;

export const coverageHousehold = z.object({
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  colour: z.string().nullable(),
  monitoredSince: z.string().nullable(),
  cadreNames: z.array(z.string()),
  state: z.enum(VISIT_STATES),
  visitsInMonth: z.number().int(),
  lastVisit: z.string().nullable(),
});
export type CoverageHousehold = z.infer<typeof coverageHousehold>;

export const coverage = z.object({
  month: z.string(),
  cadence: z.string(),
  /** China date the states were computed for (the injected clock's today). */
  today: z.string(),
  totals: counts,
  byVillage: z.array(counts.extend({ villageId: id, villageName: z.string() })),
  /** cadreId null = households with no 帮扶干部 paired in the month. */
  byCadre: z.array(counts.extend({ cadreId: id.nullable(), cadreName: z.string() })),
  /** 认可度: satisfaction recorded at the month's visits. */
  satisfaction: z.object({ satisfied: z.number().int(), basicallySatisfied: z.number().int(), dissatisfied: z.number().int() }),
  households: pageOf(coverageHousehold),
});
export type Coverage = z.infer<typeof coverage>;

export const escalation = z.object({
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  colour: z.string().nullable(),
  category: z.string().nullable(),
  riskTypes: z.array(z.string()),
  monitoredSince: z.string(),
  escalatedOn: z.string(),
  monthsOpen: z.number().int(),
  deliveredMeasures: z.number().int(),
  lastVisit: z.string().nullable(),
  cadreNames: z.array(z.string()),
});
export type Escalation = z.infer<typeof escalation>;

export const followupsMethods = {
  'followups.save': method({
    input: followupInput,
    output: followup,
    access: 'followups.write',
    write: true,
    summary: '登记或修改一次走访（日期、走访人、方式、情况、收入变化、新风险、满意度、风险等级调整、照片）',
  }),
  'followups.remove': method({
    input: z.strictObject({ id, rowVersion: z.number().int().min(1), reason: requiredText(200) }),
    output: z.object({ id }),
    access: 'followups.write',
    write: true,
    summary: '删除误录的走访记录（须写明原因，留痕）',
  }),
  'followups.list': method({
    input: z.strictObject({
      filter: z.strictObject({ householdId: id.optional(), villageId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).default({}),
      ...pageRequest,
    }),
    output: pageOf(followup),
    access: 'register.read',
    write: false,
    summary: '走访记录分页查询（按户、村、日期），最新在前',
  }),
  'followups.coverage': method({
    input: z.strictObject({
      /** Omitted = the current month by the backend's clock. */
      month: month.optional(),
      villageId: id.optional(),
      /** Narrows the household list (not the counts) to one cadre's households; 'none' = unpaired. */
      cadreId: id.optional(),
      visitState: z.enum(VISIT_STATES).optional(),
      ...pageRequest,
    }),
    output: coverage,
    access: 'register.read',
    write: false,
    summary: '某月监测户走访覆盖：按村、按帮扶干部统计已走访/未走访/逾期，及户名单',
  }),
  'followups.escalations': method({
    input: z.strictObject({ month: month.optional(), villageId: id.optional(), ...pageRequest }),
    output: pageOf(escalation).extend({ asOf: z.string() }),
    access: 'register.read',
    write: false,
    summary: '纳入监测满 3 个月（地方口径）风险仍未消除、需加大帮扶力度的农户名单',
  }),
};
