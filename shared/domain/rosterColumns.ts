// The fields a roster import can fill, the column names they are known by (national-system export
// names first: domain-sources §2.2), and the automatic column matching.
import { toHalfWidth } from './idCard';

export type RosterFieldKind = 'text' | 'name' | 'code' | 'id' | 'date' | 'months' | 'decimal' | 'yesno' | 'phone' | 'sex';

export interface RosterFieldDef {
  key: string;
  label: string;
  level: 'household' | 'member';
  kind: RosterFieldKind;
  /** Column names as they appear in exports and local templates; matched after normaliseLabel. */
  synonyms: string[];
}

const f = (key: string, label: string, level: RosterFieldDef['level'], kind: RosterFieldKind, synonyms: string[]): RosterFieldDef => ({ key, label, level, kind, synonyms: [label, ...synonyms] });

export const ROSTER_FIELDS: readonly RosterFieldDef[] = [
  f('householdNo', '户编号', 'household', 'code', ['户码', '户编码', '国家平台户编号']),
  f('villageName', '行政村', 'household', 'text', ['村', '村名', '所在村', '行政村名称', '村(社区)', '村居', '行政村(社区)']),
  f('groupName', '村民小组', 'household', 'text', ['组', '组名', '小组', '自然村', '自然村(组)', '村民小组名称', '组别']),
  f('address', '家庭住址', 'household', 'text', ['住址', '详细地址', '居住地址', '地址', '现住址']),
  f('householdPhone', '联系电话', 'household', 'phone', ['户联系电话', '户主联系电话', '联系方式', '户主电话']),
  f('householdType', '户类型', 'household', 'text', ['农户类型', '户别']),
  f('farmlandMu', '耕地面积', 'household', 'decimal', []),
  f('forestMu', '林地面积', 'household', 'decimal', []),
  f('grainForGreenMu', '退耕还林面积', 'household', 'decimal', []),
  f('housingAreaM2', '住房面积', 'household', 'decimal', []),
  f('dangerousHouseGrade', '危房等级', 'household', 'text', []),
  f('headName', '户主姓名', 'household', 'name', ['户主']),
  f('headIdNumber', '户主证件号码', 'household', 'id', ['户主身份证号', '户主身份证号码', '户主公民身份号码']),
  f('name', '姓名', 'member', 'name', ['成员姓名', '家庭成员姓名', '人员姓名']),
  f('idType', '证件类型', 'member', 'text', ['成员证件类型']),
  f('idNumber', '证件号码', 'member', 'id', ['身份证号', '身份证号码', '公民身份号码', '身份证件号码', '成员证件号码', '成员身份证号', '家庭成员证件号码']),
  f('relation', '与户主关系', 'member', 'text', ['与户主的关系', '家庭关系', '关系']),
  f('sex', '性别', 'member', 'sex', []),
  f('birthDate', '出生日期', 'member', 'date', ['出生年月日', '出生年月']),
  f('ethnicity', '民族', 'member', 'text', []),
  f('politicalStatus', '政治面貌', 'member', 'text', []),
  f('education', '文化程度', 'member', 'text', ['学历']),
  f('schoolStatus', '在校生情况', 'member', 'text', ['在校生状况', '在校生状态', '在校情况', '在校生']),
  f('outOfSchoolReason', '未上学原因', 'member', 'text', ['义务教育阶段未上学原因', '失辍学原因', '失学辍学原因']),
  f('health', '健康状况', 'member', 'text', ['健康状态']),
  f('disabilityGrade', '残疾等级', 'member', 'text', []),
  f('disabilityCertNo', '残疾证号', 'member', 'code', ['残疾人证号', '残疾证号码', '残疾人证号码']),
  f('labourSkill', '劳动技能', 'member', 'text', ['劳动能力']),
  f('workPlace', '务工所在地', 'member', 'text', ['务工地点', '务工地', '务工地址']),
  f('workEmployer', '务工企业名称', 'member', 'text', ['务工企业', '务工单位', '务工单位名称']),
  f('workMonths', '务工时间', 'member', 'months', ['务工时长', '务工月数', '务工时间月', '外出务工时间']),
  f('publicWelfareJobMonths', '公益性岗位月数', 'member', 'months', ['公益性岗位', '聘用月数', '公益岗位月数', '公益性岗位聘用月数']),
  f('insuredMedical', '是否参加城乡居民基本医疗保险', 'member', 'yesno', ['城乡居民基本医疗保险', '参加基本医疗保险', '是否参加基本医疗保险']),
  f('insuredCritical', '是否参加大病保险', 'member', 'yesno', ['大病保险']),
  f('insuredPension', '是否参加城乡居民基本养老保险', 'member', 'yesno', ['城乡居民基本养老保险', '是否参加基本养老保险']),
  f('dibao', '是否享受农村居民最低生活保障', 'member', 'yesno', ['是否低保', '低保', '是否享受低保', '是否低保户']),
  f('tekun', '是否特困供养人员', 'member', 'yesno', ['是否特困', '特困', '特困供养']),
  f('memberPhone', '成员联系电话', 'member', 'phone', ['家庭成员联系电话', '个人联系电话', '本人联系电话', '本人电话']),
  f('joinedAt', '入户日期', 'member', 'date', ['入户时间', '迁入日期']),
];

export const ROSTER_FIELD_BY_KEY: ReadonlyMap<string, RosterFieldDef> = new Map(ROSTER_FIELDS.map((d) => [d.key, d]));
export const isRosterField = (key: string): boolean => ROSTER_FIELD_BY_KEY.has(key);

// Units and remarks in parentheses at the end of a header ("耕地面积（亩）", "务工时间(月)", "姓名(必填)").
const TRAILING_NOTE = /\((亩|月|月数|元|平方米|㎡|m2|人|个|万元|必填|选填|填是或否|是\/否)\)$/i;

/** Header text in one comparable form: half-width, no spaces, no required-field stars, units dropped. */
export function normaliseLabel(raw: string): string {
  return toHalfWidth(raw ?? '')
    .replace(/[\s\u3000\u200b-\u200d\ufeff]/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(TRAILING_NOTE, '');
}

const SYNONYM_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const def of ROSTER_FIELDS) for (const s of def.synonyms) index.set(normaliseLabel(s), def.key);
  return index;
})();

/** True when a header cell's text is a known column name: used to find the header rows. */
export const isKnownLabel = (raw: string): boolean => SYNONYM_INDEX.has(normaliseLabel(raw));

// A parent header such as "户主信息" / "务工情况" qualifies its leaves: 户主 + 姓名 = 户主姓名.
const PARENT_SUFFIX = /(基本信息|基本情况|信息|情况|状况|状态)$/;

/**
 * The field a column holds, from its lowest header cell (`leaf`) and the cells above it (`parents`,
 * outermost first). A parent-qualified name wins over the bare leaf, so 户主/姓名 is 户主姓名, not 姓名.
 */
export function matchField(leaf: string, parents: readonly string[] = []): string | null {
  const l = normaliseLabel(leaf);
  if (!l) return null;
  for (let i = parents.length - 1; i >= 0; i--) {
    const p = normaliseLabel(parents[i]).replace(PARENT_SUFFIX, '');
    if (!p || p === l) continue;
    const combined = SYNONYM_INDEX.get(p + l);
    if (combined) return combined;
  }
  return SYNONYM_INDEX.get(l) ?? null;
}

export interface HeaderColumn {
  /** 0-based column index. */
  index: number;
  leaf: string;
  parents: string[];
}

/** Column index → field key. Each field is given to the first column that matches it. */
export function autoMatch(columns: readonly HeaderColumn[]): Record<number, string> {
  const mapping: Record<number, string> = {};
  const taken = new Set<string>();
  for (const c of columns) {
    const field = matchField(c.leaf, c.parents);
    if (field && !taken.has(field)) {
      mapping[c.index] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** "A", "B", … "Z", "AA": how the report names a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** What a mapping still lacks before rows can be read. Chinese, one message per gap. */
export function mappingGaps(fields: ReadonlySet<string>, hasDefaultVillage: boolean): string[] {
  const gaps: string[] = [];
  if (!fields.has('name') && !fields.has('headName')) gaps.push('没有找到“姓名”或“户主姓名”列，请在列对应表中指定。');
  if (!fields.has('idNumber') && !fields.has('headIdNumber')) gaps.push('没有找到“证件号码”列，请在列对应表中指定。');
  if (fields.has('name') && !fields.has('relation') && !fields.has('householdNo') && !fields.has('headIdNumber')) {
    gaps.push('每行一人时需要“与户主关系”列（或“户编号”“户主证件号码”列）才能把成员分到各户，请指定。');
  }
  if (!fields.has('villageName') && !hasDefaultVillage) gaps.push('没有找到“行政村”列，请指定该列，或在选项中选择全部农户所在的村。');
  return gaps;
}
