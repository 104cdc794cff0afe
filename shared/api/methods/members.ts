import { z } from 'zod';
import { method } from '../define';
import { id, pageOf, pageRequest, requiredText, shortText, sortModel } from '../schemas/common';

// 人员名册 (every member, filtered in SQL), the yearly 年级升级 with review, and per-user saved register views.

export const memberFilter = z
  .strictObject({
    /** Name prefix, ID-number prefix, pinyin initials or phone prefix. */
    search: shortText(50).optional(),
    villageId: id.optional(),
    groupId: id.optional(),
    /** 学段 label; '__none__' = not in school. */
    schoolStage: shortText(20).optional(),
    health: shortText(20).optional(),
    labourSkill: shortText(20).optional(),
    relation: shortText(20).optional(),
    sex: z.enum(['男', '女']).optional(),
    /** 周岁 on today (China time), inclusive. */
    ageFrom: z.number().int().min(0).max(130).optional(),
    ageTo: z.number().int().min(0).max(130).optional(),
    /** Students whose 学段/年级 was not confirmed for the current school year. */
    gradeUnconfirmed: z.boolean().optional(),
    dibao: z.boolean().optional(),
    tekun: z.boolean().optional(),
    /** Include members who left (死亡/迁出…); default only current members. */
    includeFormer: z.boolean().optional(),
  })
  .default({});
export type MemberFilter = z.infer<typeof memberFilter>;

export const memberRow = z.object({
  id,
  householdId: id,
  name: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  /** Masked unless the caller may see full ID numbers (pii.full). */
  idNumber: z.string().nullable(),
  relation: z.string(),
  headName: z.string(),
  villageName: z.string(),
  groupName: z.string().nullable(),
  householdType: z.string(),
  householdStatus: z.string(),
  householdColour: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  schoolStage: z.string().nullable(),
  schoolGrade: z.number().nullable(),
  schoolYearConfirmed: z.string().nullable(),
  gradeUnconfirmed: z.boolean(),
  health: z.string().nullable(),
  disabilityGrade: z.string().nullable(),
  labourSkill: z.string().nullable(),
  workPlace: z.string().nullable(),
  workMonths: z.number().nullable(),
  publicWelfareJobMonths: z.number().nullable(),
  insuredMedical: z.boolean(),
  dibao: z.boolean(),
  tekun: z.boolean(),
  phone: z.string(),
  leftAt: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export type MemberRow = z.infer<typeof memberRow>;

export const schoolYearItem = z.object({
  memberId: id,
  householdId: id,
  rowVersion: z.number().int(),
  name: z.string(),
  headName: z.string(),
  villageName: z.string(),
  age: z.number().int().nullable(),
  currentStage: z.string(),
  currentGrade: z.number().nullable(),
  confirmedYear: z.string().nullable(),
  proposedStage: z.string().nullable(),
  proposedGrade: z.number().nullable(),
  note: z.string(),
  needsDecision: z.boolean(),
});
export type SchoolYearItem = z.infer<typeof schoolYearItem>;

/** Which register a saved view belongs to. */
export const REGISTERS = ['households', 'members'] as const;

export const savedView = z.object({
  name: z.string(),
  /** The register's filter object as the page holds it. */
  filter: z.record(z.string(), z.unknown()),
  /** Visible columns in order (grid colIds); empty = the default columns. */
  columns: z.array(z.string()),
  sort: z.array(z.object({ colId: z.string(), sort: z.enum(['asc', 'desc']) })),
  savedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;

const viewInput = z.strictObject({
  name: requiredText(30),
  filter: z.record(z.string().max(40), z.union([z.string().max(100), z.number(), z.boolean(), z.null()])).default({}),
  columns: z.array(z.string().max(40)).max(60).default([]),
  sort: sortModel,
});

export const membersMethods = {
  'members.list': method({
    input: z.strictObject({ filter: memberFilter, sort: sortModel, ...pageRequest }),
    output: pageOf(memberRow),
    access: 'register.read',
    write: false,
    summary: '人员名册分页查询：按村、组、学段、健康状况、劳动技能、年龄段、年级未确认等筛选，按姓名、证件号、拼音首字母、电话搜索',
  }),
  'members.previewSchoolYear': method({
    input: z.strictObject({ villageId: id.optional() }),
    output: z.object({ schoolYear: z.string(), schoolYearLabel: z.string(), items: z.array(schoolYearItem) }),
    access: 'register.read',
    write: false,
    summary: '年级升级预览：列出本学年尚未确认年级的在校生及建议的新学段、年级，供核对修改',
  }),
  'members.advanceSchoolYear': method({
    input: z.strictObject({
      schoolYear: z.string().regex(/^\d{4}$/, '学年应为四位年份，如 2026'),
      items: z
        .array(
          z.strictObject({
            memberId: id,
            rowVersion: z.number().int().min(1),
            /** null = no longer in school (then outOfSchoolReason or a note says where). */
            stage: shortText(20).nullable(),
            grade: z.number().int().min(1).max(12).nullable(),
            outOfSchoolReason: shortText(40).nullable().optional(),
          }),
        )
        .min(1)
        .max(5000),
    }),
    output: z.object({ updated: z.number().int(), schoolYear: z.string() }),
    access: 'register.write',
    write: true,
    summary: '确认年级升级：写入核对后的学段、年级，并记为本学年已确认（逐人留痕）',
  }),
  'views.list': method({
    input: z.strictObject({ register: z.enum(REGISTERS) }),
    output: z.object({ views: z.array(savedView) }),
    access: 'register.read',
    write: false,
    summary: '本人保存的名册视图（筛选条件、显示列、排序）',
  }),
  'views.save': method({
    input: viewInput.extend({ register: z.enum(REGISTERS) }),
    output: z.object({ views: z.array(savedView) }),
    access: 'register.read',
    write: true,
    summary: '保存名册视图（同名覆盖），仅本人可见',
  }),
  'views.delete': method({
    input: z.strictObject({ register: z.enum(REGISTERS), name: requiredText(30) }),
    output: z.object({ views: z.array(savedView) }),
    access: 'register.read',
    write: true,
    summary: '删除本人保存的名册视图',
  }),
};
