// The 地方口径 profile: every number, list and label a province or county may set, with the seed as default.
// Sections are defined in profileSections.ts, the grading rule language in profileConditions.ts,
// the seed values in profileSeed.ts. Other modules import everything from here.
import { z } from 'zod';
import { validationError, type FieldIssue } from './errors';
import { forEachCondition } from './profileConditions';
import { describeProfilePath } from './profileLabels';
import {
  assessmentSchema,
  assistanceSchema,
  documentsSchema,
  enumsSchema,
  gradingSchema,
  incomeSchema,
  officeSchema,
  privacySchema,
  procedureSchema,
  securitySchema,
  warningsSchema,
} from './profileSections';
import { SEED_PROFILE } from './profileSeed';

export * from './profileConditions';
export * from './profileSections';
export { SEED_PROFILE, ALT_GRADING_LOW_MEDIUM_HIGH } from './profileSeed';

const baseProfileSchema = z.strictObject({
  office: officeSchema,
  enums: enumsSchema,
  income: incomeSchema,
  grading: gradingSchema,
  assessment: assessmentSchema,
  procedure: procedureSchema,
  assistance: assistanceSchema,
  warnings: warningsSchema,
  privacy: privacySchema,
  security: securitySchema,
  documents: documentsSchema,
});

type Ctx = z.core.$RefinementCtx<z.infer<typeof baseProfileSchema>>;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => (seen.has(v) ? true : (seen.add(v), false))))];
}

function requireUnique(ctx: Ctx, values: string[], path: (string | number)[], what: string): void {
  for (const dup of duplicates(values)) ctx.addIssue({ code: 'custom', path, message: `${what}“${dup}”重复，请删除或改名` });
}

function checkIncome(p: z.infer<typeof baseProfileSchema>, ctx: Ctx): void {
  const itemKeys = new Set(p.income.items.map((i) => i.key));
  requireUnique(ctx, p.income.items.map((i) => i.key), ['income', 'items'], '收入项目键名');
  requireUnique(ctx, p.income.lines.map((l) => String(l.year)), ['income', 'lines'], '收入标准年度');
  p.income.lines.forEach((line, i) => {
    if (line.monitoringLineFen < line.povertyLineFen) {
      ctx.addIssue({ code: 'custom', path: ['income', 'lines', i, 'monitoringLineFen'], message: `${line.year} 年的监测范围低于国家扶贫标准，请核对两条收入线` });
    }
  });
  for (const [kind, keys] of Object.entries(p.income.warnKeys)) {
    for (const k of keys) {
      if (!itemKeys.has(k)) ctx.addIssue({ code: 'custom', path: ['income', 'warnKeys', kind], message: `提醒规则引用的收入项目“${k}”不存在，请先在收入项目中添加` });
    }
  }
}

function checkEnums(p: z.infer<typeof baseProfileSchema>, ctx: Ctx): void {
  const e = p.enums;
  requireUnique(ctx, e.householdTypes, ['enums', 'householdTypes'], '户类型');
  requireUnique(ctx, e.monitoringCategories.map((c) => c.label), ['enums', 'monitoringCategories'], '监测对象类别');
  requireUnique(ctx, e.riskTypes.map((r) => r.label), ['enums', 'riskTypes'], '风险类型');
  requireUnique(ctx, e.schoolStages.map((s) => s.key), ['enums', 'schoolStages'], '学段键名');
  requireUnique(ctx, e.measureCategories.map((m) => m.key), ['enums', 'measureCategories'], '帮扶措施类别键名');
  requireUnique(ctx, e.leadChannels.map((c) => c.key), ['enums', 'leadChannels'], '线索来源键名');
  requireUnique(ctx, e.householdFlags.map((f) => f.key), ['enums', 'householdFlags'], '户标识键名');
  e.monitoringCategories.forEach((c, i) => {
    for (const t of c.forHouseholdTypes) {
      if (!e.householdTypes.includes(t)) ctx.addIssue({ code: 'custom', path: ['enums', 'monitoringCategories', i], message: `监测对象类别“${c.label}”引用的户类型“${t}”不在户类型列表中` });
    }
  });
  const risks = new Set(e.riskTypes.map((r) => r.label));
  for (const [check, risk] of Object.entries(p.assessment.failedCheckRisks)) {
    if (risk && !risks.has(risk)) ctx.addIssue({ code: 'custom', path: ['assessment', 'failedCheckRisks', check], message: `风险类型“${risk}”不在风险类型列表中` });
  }
  const categories = new Set(e.measureCategories.map((m) => m.key));
  p.assistance.rules.riskMeasures.forEach((rule, i) => {
    if (!risks.has(rule.risk)) ctx.addIssue({ code: 'custom', path: ['assistance', 'rules', 'riskMeasures', i], message: `风险类型“${rule.risk}”不在风险类型列表中` });
    for (const c of rule.anyOfCategories) {
      if (!categories.has(c)) ctx.addIssue({ code: 'custom', path: ['assistance', 'rules', 'riskMeasures', i], message: `帮扶措施类别“${c}”不存在` });
    }
  });
}

/** Every label a grading rule names must exist in the lists, or the rule could never match (a silent typo). */
function checkGrading(p: z.infer<typeof baseProfileSchema>, ctx: Ctx): void {
  const known = {
    category: new Set(p.enums.monitoringCategories.map((c) => c.label)),
    householdType: new Set(p.enums.householdTypes),
    riskIn: new Set(p.enums.riskTypes.map((r) => r.label)),
    flag: new Set(p.enums.householdFlags.map((f) => f.key)),
  };
  const names: Record<keyof typeof known, string> = { category: '监测对象类别', householdType: '户类型', riskIn: '风险类型', flag: '户标识' };
  p.grading.rules.forEach((rule, i) => {
    forEachCondition(rule.when, (c) => {
      for (const field of Object.keys(known) as (keyof typeof known)[]) {
        if (!(field in c)) continue;
        const raw = (c as Record<string, string | string[]>)[field];
        for (const label of Array.isArray(raw) ? raw : [raw]) {
          if (!known[field].has(label)) {
            ctx.addIssue({ code: 'custom', path: ['grading', 'rules', i, 'when'], message: `评级规则“${rule.label}”引用的${names[field]}“${label}”不存在` });
          }
        }
      }
    });
  });
}

export const profileSchema = baseProfileSchema.superRefine((p, ctx) => {
  checkIncome(p, ctx);
  checkEnums(p, ctx);
  checkGrading(p, ctx);
});

export type Profile = z.infer<typeof profileSchema>;
export type OfficeSettings = Profile['office'];
export type ProfileEnums = Profile['enums'];
export type IncomeSettings = Profile['income'];
export type IncomeItemDef = IncomeSettings['items'][number];
export type IncomeLine = IncomeSettings['lines'][number];
export type GradingSettings = Profile['grading'];
export type AssessmentSettings = Profile['assessment'];
export type ProcedureSettings = Profile['procedure'];
export type AssistanceSettings = Profile['assistance'];
export type WarningSettings = Profile['warnings'];
export type PrivacySettings = Profile['privacy'];
export type SecuritySettings = Profile['security'];
export type DocumentSettings = Profile['documents'];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Objects whose keys are optional by design: a missing key means "no value", so they are never filled from the seed
// (otherwise an office could not remove a step limit the seed sets).
const WHOLE_VALUE_PATHS = new Set(['procedure.stepWorkingDays', 'assessment.failedCheckRisks']);

/**
 * Fills keys missing from a stored profile with the seed's values, so a profile saved by an older version still
 * loads. Objects merge key by key; arrays, scalars and the optional-key maps above replace the seed's wholesale.
 */
export function withSeedDefaults(stored: unknown, seed: unknown = SEED_PROFILE, path = ''): unknown {
  if (stored === undefined) return seed;
  if (!isPlainObject(stored) || !isPlainObject(seed) || WHOLE_VALUE_PATHS.has(path)) return stored;
  const merged: Record<string, unknown> = { ...seed };
  for (const [k, v] of Object.entries(stored)) {
    merged[k] = k in seed ? withSeedDefaults(v, seed[k], path ? `${path}.${k}` : k) : v;
  }
  return merged;
}

// zod's own Simplified Chinese messages for the generic cases (wrong type, unknown key); ours override where set.
const ZH_CN_ERRORS = z.locales.zhCN().localeError;

export type ProfileCheck = { ok: true; profile: Profile } | { ok: false; issues: FieldIssue[] };

/** Validates a profile (object or JSON text) after filling missing keys from the seed; Chinese issues on failure. */
export function checkProfile(input: unknown): ProfileCheck {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return { ok: false, issues: [{ path: '', message: '地方口径文件不是有效的 JSON，请检查是否被截断或手工改坏' }] };
    }
  }
  if (!isPlainObject(json)) return { ok: false, issues: [{ path: '', message: '地方口径应为一个 JSON 对象' }] };
  const result = profileSchema.safeParse(withSeedDefaults(json), { error: ZH_CN_ERRORS });
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: `${describeProfilePath(i.path)}：${i.message}` })),
  };
}

/** Like checkProfile but throws a DomainError('validation') listing every problem. */
export function parseProfile(input: unknown): Profile {
  const result = checkProfile(input);
  if (!result.ok) throw validationError(result.issues, `地方口径有 ${result.issues.length} 处错误：${result.issues.map((i) => i.message).join('；')}`);
  return result.profile;
}

/** The income lines for a year, or a clear error naming the missing year. */
export function incomeLinesFor(profile: Profile, year: number): IncomeLine {
  const line = profile.income.lines.find((l) => l.year === year);
  if (!line) {
    throw validationError(
      [{ path: 'income.lines', message: `地方口径中没有 ${year} 年的收入标准（国家扶贫标准和监测范围），请在“系统管理 › 地方口径”中添加` }],
    );
  }
  return line;
}
