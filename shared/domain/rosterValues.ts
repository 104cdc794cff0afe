// Coded values of a roster (与户主关系, 民族, 残疾等级, 危房等级 …) in the spellings files really use,
// mapped onto the 地方口径 profile's lists. Unknown values are reported, never silently dropped.
import type { ProfileEnums } from './profile';
import { toHalfWidth } from './idCard';
import { chineseNumber } from './divisionNames';

const RELATION_ALIASES: Record<string, string> = {
  本人: '户主',
  户主本人: '户主',
  妻: '配偶',
  妻子: '配偶',
  夫: '配偶',
  丈夫: '配偶',
  子: '之子',
  儿子: '之子',
  长子: '之子',
  次子: '之子',
  三子: '之子',
  独子: '之子',
  女: '之女',
  女儿: '之女',
  长女: '之女',
  次女: '之女',
  三女: '之女',
  独女: '之女',
  外孙: '之外孙子',
  父亲: '之父',
  父: '之父',
  母亲: '之母',
  母: '之母',
  兄: '之兄弟姐妹',
  弟: '之兄弟姐妹',
  姐: '之兄弟姐妹',
  妹: '之兄弟姐妹',
  兄弟: '之兄弟姐妹',
  姐妹: '之兄弟姐妹',
  哥哥: '之兄弟姐妹',
  弟弟: '之兄弟姐妹',
  姐姐: '之兄弟姐妹',
  妹妹: '之兄弟姐妹',
  祖父: '之祖父',
  祖母: '之祖母',
  爷爷: '之祖父',
  奶奶: '之祖母',
};

const compact = (s: string): string => toHalfWidth(s).replace(/[\s\u3000]/g, '');

/** 与户主关系 in the profile's wording: 本人 → 户主, 妻子 → 配偶, 长子 → 之子, 儿媳 → 之儿媳 … */
export function normaliseRelation(raw: string, relations: readonly string[]): { value: string; known: boolean } {
  const s = compact(raw);
  if (relations.includes(s)) return { value: s, known: true };
  const alias = RELATION_ALIASES[s];
  if (alias && relations.includes(alias)) return { value: alias, known: true };
  if (relations.includes(`之${s}`)) return { value: `之${s}`, known: true };
  return { value: s, known: false };
}

/** A value from a profile list; 汉 → 汉族 is accepted. */
export function matchListValue(raw: string, list: readonly string[]): { value: string; known: boolean } {
  const s = compact(raw);
  if (list.includes(s)) return { value: s, known: true };
  if (list.includes(`${s}族`)) return { value: `${s}族`, known: true };
  return { value: s, known: false };
}

/** 残疾等级: 一级 / 1级 / 1 / 残疾一级 → the profile's label (一级 in the seed). */
export function normaliseDisabilityGrade(raw: string, grades: readonly string[]): { value: string; known: boolean } {
  const s = compact(raw).replace(/^残疾/, '');
  const m = /^(\d)级?$/.exec(s);
  const candidate = m ? `${chineseNumber(Number(m[1]))}级` : /^[一二三四]$/.test(s) ? `${s}级` : s;
  return grades.includes(candidate) ? { value: candidate, known: true } : { value: s, known: false };
}

/** 危房等级: A–D (also "C级", full-width Ｃ); 无 / 否 / 非危房 → none. */
export function normaliseDangerGrade(raw: string): { value: 'A' | 'B' | 'C' | 'D' | null; ok: boolean } {
  const s = compact(raw).toUpperCase().replace(/级$/, '');
  if (['', '无', '否', '非危房', '-', '/'].includes(s)) return { value: null, ok: true };
  return /^[ABCD]$/.test(s) ? { value: s as 'A' | 'B' | 'C' | 'D', ok: true } : { value: null, ok: false };
}

/** 证件类型: blank / 身份证 / 居民身份证(户口簿) → 居民身份证; anything else kept as written. */
export function normaliseIdType(raw: string): string {
  const s = compact(raw);
  if (!s || s === '身份证' || s.startsWith('居民身份证') || s === '二代身份证') return '居民身份证';
  return s.slice(0, 20);
}

/** The lists each free-text member field is checked against (a miss is a warning: the value is kept). */
export function listFor(field: string, enums: ProfileEnums): readonly string[] | null {
  switch (field) {
    case 'ethnicity':
      return enums.ethnicities;
    case 'politicalStatus':
      return enums.politicalStatuses;
    case 'education':
      return enums.educationLevels;
    case 'health':
      return enums.healthStatuses;
    case 'labourSkill':
      return enums.labourSkills.map((l) => l.label);
    case 'outOfSchoolReason':
      return enums.outOfSchoolReasons;
    default:
      return null;
  }
}
