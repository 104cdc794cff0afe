import { z } from 'zod';
import { auditStamp, id, isoDate, requiredText, shortText } from './common';

// Household and member records as the API carries them. Enumerated values (户类型, 与户主关系, …)
// are checked against the 地方口径 profile by the backend, not frozen here, because provinces differ.

const mu = z.number().min(0).max(100_000).nullable().optional();
const flag = z.boolean().optional();

export const memberInput = z.strictObject({
  id: id.optional(),
  name: requiredText(50),
  idType: shortText(20).optional(),
  idNumber: shortText(30).optional(),
  relation: requiredText(20),
  sex: z.enum(['男', '女']).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  ethnicity: shortText(20).nullable().optional(),
  politicalStatus: shortText(20).nullable().optional(),
  education: shortText(20).nullable().optional(),
  schoolStage: shortText(20).nullable().optional(),
  schoolGrade: z.number().int().min(0).max(12).nullable().optional(),
  schoolYearConfirmed: shortText(10).nullable().optional(),
  outOfSchoolReason: shortText(40).nullable().optional(),
  health: shortText(20).nullable().optional(),
  disabilityGrade: shortText(20).nullable().optional(),
  disabilityCertNo: shortText(30).nullable().optional(),
  labourSkill: shortText(20).nullable().optional(),
  workPlace: shortText(100).nullable().optional(),
  workEmployer: shortText(100).nullable().optional(),
  workMonths: z.number().int().min(0).max(12).nullable().optional(),
  publicWelfareJobMonths: z.number().int().min(0).max(12).nullable().optional(),
  insuredMedical: flag,
  insuredCritical: flag,
  insuredPension: flag,
  dibao: flag,
  tekun: flag,
  phone: shortText(30).optional(),
  joinedAt: isoDate.nullable().optional(),
});
export type MemberInput = z.input<typeof memberInput>;

export const householdInput = z.strictObject({
  id: id.optional(),
  /** Optimistic lock: the version the clerk edited; a stale one is refused as a conflict. */
  rowVersion: z.number().int().min(1).optional(),
  householdNo: shortText(40).optional(),
  villageId: id,
  groupId: id.nullable().optional(),
  address: shortText(200).optional(),
  phone: shortText(30).optional(),
  householdType: requiredText(20),
  flags: z.array(shortText(40)).max(20).optional(),
  farmlandMu: mu,
  forestMu: mu,
  grainForGreenMu: mu,
  housingAreaM2: mu,
  dangerousHouseGrade: z.enum(['A', 'B', 'C', 'D']).nullable().optional(),
  members: z.array(memberInput).min(1).max(30),
});
export type HouseholdInput = z.input<typeof householdInput>;

export const member = z.object({
  id,
  householdId: id,
  name: z.string(),
  pinyin: z.string(),
  idType: z.string(),
  idNumber: z.string().nullable(),
  relation: z.string(),
  isHead: z.boolean(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  education: z.string().nullable(),
  schoolStage: z.string().nullable(),
  schoolGrade: z.number().nullable(),
  schoolYearConfirmed: z.string().nullable(),
  outOfSchoolReason: z.string().nullable(),
  health: z.string().nullable(),
  disabilityGrade: z.string().nullable(),
  disabilityCertNo: z.string().nullable(),
  labourSkill: z.string().nullable(),
  workPlace: z.string().nullable(),
  workEmployer: z.string().nullable(),
  workMonths: z.number().nullable(),
  publicWelfareJobMonths: z.number().nullable(),
  insuredMedical: z.boolean(),
  insuredCritical: z.boolean(),
  insuredPension: z.boolean(),
  dibao: z.boolean(),
  tekun: z.boolean(),
  phone: z.string(),
  joinedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  leftReason: z.string().nullable(),
  ...auditStamp,
});
export type Member = z.infer<typeof member>;

/** One register row: enough to list and sort without loading members. */
export const householdSummary = z.object({
  id,
  householdNo: z.string().nullable(),
  villageId: id,
  villageName: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  headName: z.string(),
  headIdNumber: z.string().nullable(),
  phone: z.string(),
  householdType: z.string(),
  status: z.string(),
  category: z.string().nullable(),
  colour: z.enum(['red', 'orange', 'yellow', 'blue']).nullable(),
  memberCount: z.number().int(),
  address: z.string(),
  updatedAt: z.string(),
});
export type HouseholdSummary = z.infer<typeof householdSummary>;

export const household = householdSummary.extend({
  flags: z.array(z.string()),
  farmlandMu: z.number().nullable(),
  forestMu: z.number().nullable(),
  grainForGreenMu: z.number().nullable(),
  housingAreaM2: z.number().nullable(),
  dangerousHouseGrade: z.string().nullable(),
  riskTypes: z.array(z.string()),
  monitoredSince: z.string().nullable(),
  members: z.array(member),
  /** Members who left (死亡/婚出/迁出…), kept as history, never overwritten. */
  formerMembers: z.array(member),
  ...auditStamp,
});
export type Household = z.infer<typeof household>;

export const householdFilter = z
  .strictObject({
    search: shortText(50).optional(), // name, ID (prefix), pinyin initials, phone, 户编号
    villageId: id.optional(),
    groupId: id.optional(),
    householdType: shortText(20).optional(),
    colour: z.enum(['red', 'orange', 'yellow', 'blue']).optional(),
    status: shortText(20).optional(),
    category: shortText(20).optional(),
  })
  .default({});
export type HouseholdFilter = z.infer<typeof householdFilter>;
