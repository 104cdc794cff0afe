/** The household's facts as printed: 家庭基本情况, 家庭成员, 收支, 三保障 (see model.ts for conventions). */
import type { Fen, IsoDate, IsoMonth } from './model-common';

/** 家庭基本情况 — the household block (forms.md §2.2 Table A). */
export interface HouseholdVM {
  户编号?: string;
  村民小组: string;
  家庭住址: string;
  户主姓名: string;
  户主性别?: string;
  民族?: string;
  政治面貌?: string;
  /** default 居民身份证 */
  证件类型?: string;
  /** 户主's ID number, printed in full on internal forms only. */
  证件号码: string;
  联系电话?: string;
  家庭人口数: number;
  劳动力人数?: number;
  /** 脱贫户 / 一般农户 (profile list) */
  户类型: string;
  是否军烈属?: boolean;
  整户无劳动能力兜底保障户?: boolean;
  居住在异地扶贫搬迁集中安置区?: boolean;
  安置区地址?: string;
}

/** 家庭成员 — one row of tables B1 and B2 (forms.md §2.2). Sort 户主, 配偶, then the rest. */
export interface MemberVM {
  姓名: string;
  性别: string;
  证件类型?: string;
  证件号码: string;
  与户主关系: string;
  出生日期?: IsoDate;
  民族?: string;
  政治面貌?: string;
  文化程度?: string;
  /** 学段 + 年级, e.g. 「小学四年级」 */
  在校生状况?: string;
  健康状况: string;
  劳动技能: string;
  务工所在地?: string;
  /** months, printed 「务工时间（月）」 */
  务工时间?: number;
  家庭成员联系电话?: string;
  是否参加城乡居民基本医疗保险?: boolean;
  是否参加城镇职工基本医疗保险?: boolean;
  是否参加大病保险?: boolean;
  是否参加城乡居民基本养老保险?: boolean;
  是否参加城镇职工基本养老保险?: boolean;
  是否享受农村居民最低生活保障?: boolean;
  是否特困供养人员?: boolean;
  公益性岗位?: string;
  /** months, printed 「公益性岗位（月数）」 */
  公益性岗位月数?: number;
  义务教育阶段未上学原因?: string;
  备注?: string;
}

/** One line of the itemised 收入核算表 (forms.md §7.1 a). */
export interface IncomeItemVM {
  代码?: string;
  项目: string;
  金额: Fen;
  说明?: string;
  /** false when the province's 口径 excludes it (一次性救助, 医疗报销…): printed, not added. */
  计入: boolean;
}

/** One block A–E of the 收入核算表 with its subtotal, e.g. A 工资性收入合计. */
export interface IncomeGroupVM {
  代码: string;
  项目: string;
  合计: Fen;
  明细: IncomeItemVM[];
}

/**
 * 家庭收支情况. Totals are computed by the domain (shared/domain/income) and only printed here.
 * The flat keys are Table C's national labels (forms.md §2.2).
 */
export interface IncomeVM {
  核算期间起: IsoMonth;
  核算期间止: IsoMonth;
  家庭人口数: number;
  /** itemised blocks A 工资性 … D 转移性, E 生产经营性支出 */
  分类: IncomeGroupVM[];
  工资性收入: Fen;
  生产经营性收入: Fen;
  财产性收入: Fen;
  转移性收入: Fen;
  生产经营性支出: Fen;
  年总收入: Fen;
  纯收入: Fen;
  人均纯收入: Fen;
  公益性岗位收入?: Fen;
  其他工资性收入?: Fen;
  资产收益扶贫分红收入?: Fen;
  其他财产性收入?: Fen;
  养老金或离退休金?: Fen;
  计划生育金?: Fen;
  最低生活保障金?: Fen;
  特困人员救助供养金?: Fen;
  生态补偿金?: Fen;
  其他转移性收入?: Fen;
  家庭理赔收入?: Fen;
  合规自付支出?: Fen;
  /** 纳入监测对象的收入参考范围 (vendor formula; a profile setting) */
  收入参考范围?: Fen;
  人均收入参考范围?: Fen;
  /** 当年监测范围 / 认定标准, per person per year */
  监测范围: Fen;
  国家扶贫标准?: Fen;
}

/** One pass/fail check, dated by the enclosing form. `达标: null` = not yet checked. */
export interface CheckVM {
  达标: boolean | null;
  情况?: string;
}

/** 两不愁三保障 + 饮水安全 (DOMAIN §4). */
export interface AssuranceChecksVM {
  吃穿不愁: CheckVM;
  义务教育保障: CheckVM;
  基本医疗保障: CheckVM;
  住房安全保障: CheckVM;
  饮水安全保障: CheckVM;
}

/** 帮扶责任人 (forms.md §2.2 Table G). */
export interface HelperCadreVM {
  姓名: string;
  性别?: string;
  政治面貌?: string;
  帮扶单位名称?: string;
  联系电话?: string;
  帮扶开始时间?: IsoDate;
  帮扶结束时间?: IsoDate;
}
