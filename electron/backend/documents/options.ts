/**
 * Print settings and the 地方口径 lists a form prints as check boxes. The values here are the seed
 * defaults; the caller passes the province's profile values (shared/domain/profile.ts, when it
 * exists) through `PrintOptions.profile`.
 */
import type { Profile } from '../../../shared/domain/profile';
import type { EliminationCriterionVM } from './model';
import { FONT_BODY, FONT_TITLE, PT } from './text';

/** Page margins in centimetres. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Default margins asked for by the offices: 2.54 cm top/bottom, 3.17 cm left/right (Word's 普通). */
export const DEFAULT_MARGINS: Margins = { top: 2.54, bottom: 2.54, left: 3.17, right: 3.17 };

/** Lists and labels a province may set. */
export interface FormProfile {
  户类型: string[];
  监测对象类别: string[];
  风险类型: string[];
  发现途径: string[];
  比对部门: string[];
  风险消除方式: string[];
  /** copies printed in the 审批表 footnote (注：本表一式×份) */
  审批表份数: number;
  审批表存档单位: string[];
  授权书份数: number;
  /** 全国防止返贫监测和乡村振兴咨询服务电话 */
  全国咨询电话: string;
  /** 县级审定 unit label, e.g. 县级乡村振兴（农业农村）部门 */
  县级审定部门: string;
}

export const DEFAULT_PROFILE: FormProfile = {
  户类型: ['脱贫户', '一般农户'],
  监测对象类别: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'],
  风险类型: ['因病', '因残', '因学', '因自然灾害', '因意外事故', '因产业失败', '因务工就业不稳', '因缺劳动力', '因安全饮水', '住房安全', '其他'],
  发现途径: ['农户自主申报', '基层干部排查', '部门筛查预警'],
  比对部门: ['公安', '不动产', '车辆', '市场监管', '财政供养', '社保'],
  风险消除方式: ['帮扶消除', '自然消除'],
  审批表份数: 3,
  审批表存档单位: ['农户', '村（居）委会', '乡（镇）'],
  授权书份数: 3,
  全国咨询电话: '12317',
  县级审定部门: '县级乡村振兴（农业农村）部门',
};

/** Title and body faces (GB/T 9704 defaults) and the title size in points (二号 = 22). */
export interface Typography {
  titleFont: string;
  bodyFont: string;
  titlePt: number;
}

export const DEFAULT_TYPOGRAPHY: Typography = { titleFont: FONT_TITLE, bodyFont: FONT_BODY, titlePt: PT.二号 };

/** Options of one build: margins, faces and the 地方口径 lists. */
export interface PrintOptions {
  margins?: Partial<Margins>;
  typography?: Partial<Typography>;
  profile?: Partial<FormProfile>;
}

export interface ResolvedOptions {
  margins: Margins;
  typography: Typography;
  profile: FormProfile;
}

export function resolveOptions(options: PrintOptions = {}): ResolvedOptions {
  return {
    margins: { ...DEFAULT_MARGINS, ...options.margins },
    typography: { ...DEFAULT_TYPOGRAPHY, ...options.typography },
    profile: { ...DEFAULT_PROFILE, ...options.profile },
  };
}

/**
 * Print options from the 地方口径 profile: its document margins, faces and title size, and the
 * lists the forms print as check boxes. Lists the profile does not hold keep the seed defaults.
 */
export function printOptionsFromProfile(profile: Pick<Profile, 'enums' | 'documents'>): PrintOptions {
  const { marginsCm, fonts, sizesPt } = profile.documents;
  return {
    margins: marginsCm,
    typography: { titleFont: fonts.title, bodyFont: fonts.body, titlePt: sizesPt.title },
    profile: {
      户类型: [...profile.enums.householdTypes],
      监测对象类别: profile.enums.monitoringCategories.map((c) => c.label),
      风险类型: profile.enums.riskTypes.map((r) => r.label),
    },
  };
}

/**
 * Seed rows of the 风险消除 checklist (forms.md §3.1, sourced wording). The mapper copies these into
 * `EliminationAssessmentVM.标准核实` and fills 核实情况/达到.
 */
export const DEFAULT_ELIMINATION_CRITERIA: ReadonlyArray<Pick<EliminationCriterionVM, '核实项目' | '核实标准'>> = [
  { 核实项目: '一超过（收入）', 核实标准: '年人均纯收入稳定超过当年监测范围；收入持续稳定（原则上不低于半年）' },
  { 核实项目: '不愁吃、不愁穿', 核实标准: '吃穿不愁' },
  { 核实项目: '义务教育有保障', 核实标准: '无义务教育阶段适龄儿童少年失学辍学' },
  { 核实项目: '基本医疗有保障', 核实标准: '家庭成员均参加城乡居民（职工）基本医疗保险' },
  { 核实项目: '住房安全有保障', 核实标准: '住房未出现安全问题' },
  { 核实项目: '饮水安全有保障', 核实标准: '饮水未出现安全问题' },
  { 核实项目: '大额刚性支出', 核实标准: '大额医疗费用、子女上学费用稳定解决' },
  { 核实项目: '返贫致贫风险', 核实标准: '已稳定消除或自然消失' },
  { 核实项目: '不得消除情形', 核实标准: '丧失劳动能力、收入不稳定、刚性支出不可控' },
  { 核实项目: '监测时长与措施', 核实标准: '识别认定至少半年以上且落实至少一项帮扶措施' },
];
