/**
 * View models of what is posted in public: 公示 (拟纳入 / 拟消除风险 名单), 公告 and the
 * 帮扶措施落实情况表 posted with a 风险消除 公示.
 *
 * Rule (秦安县, DOMAIN §9): "公示公告中不得公开农户身份证件号码、手机号、银行账号、健康状况等敏感信息".
 * These types are built to be unable to carry such data: every personal key is typed `never`, so an
 * object that has one (even a household row passed through a variable) fails to typecheck, and the
 * builders copy only the whitelisted fields below (privacy.ts also scans the printed text).
 */
import type { Fen, IsoDate, IsoMonth, OfficeVM, SignatureVM, SignedPersonVM } from './model-common';

/** Keys a public posting must never carry (also refused as placeholders in public templates). */
export const NO_PERSONAL_DATA_KEYS = [
  '证件号码',
  '身份证号码',
  '证件类型',
  '出生日期',
  '联系电话',
  '户主的联系电话',
  '家庭成员联系电话',
  '手机号',
  '银行账号',
  '银行卡号',
  '健康状况',
  '残疾等级',
  // the member list (IDs, health) is never posted
  '成员',
] as const;

/** `?: never` for each key: any object that has one of them is not assignable. */
export type NoPersonalData = { readonly [K in (typeof NO_PERSONAL_DATA_KEYS)[number]]?: never };

/** One household on a posted list (forms.md §6.6: 序号 is the row number, not stored). */
export interface PublicListEntryVM extends NoPersonalData {
  /** for county-wide 公告 lists spanning several townships/villages */
  乡镇?: string;
  村?: string;
  村民小组: string;
  户主姓名: string;
  家庭人口数: number;
  /** for 拟纳入 lists */
  监测对象类别?: string;
  主要风险?: string[];
  /** for 拟消除风险 lists: 帮扶消除 / 自然消除 */
  风险消除方式?: string;
  备注?: string;
}

/** 5a 村内公示 (forms.md §6.3 / §6.6). Posted once, in the village. */
export interface PublicNoticeVM extends NoPersonalData {
  类型: '拟纳入' | '拟消除风险';
  office: OfficeVM;
  评议日期: IsoDate;
  公示开始: IsoDate;
  公示结束: IsoDate;
  公示地点: string;
  /** the office's objection line (not a household's phone) */
  监督电话?: string;
  /** whom objections go to besides the 村委会, e.g. 「某某乡人民政府」 */
  异议受理单位?: string;
  /** e.g. 「红星村民委员会」 */
  发布单位: string;
  发布日期: IsoDate;
  名单: PublicListEntryVM[];
}

/** 5b 公告 by the county (乡村振兴局) or township, forms.md §6.5. */
export interface AnnouncementVM extends NoPersonalData {
  类型: '纳入' | '风险消除';
  office: OfficeVM;
  年度: number;
  /** the basis sentence, e.g. 「根据《……实施办法》和2026年度监测范围（人均纯收入8600元）」 */
  依据: string;
  公告开始: IsoDate;
  公告结束: IsoDate;
  投诉监督地址?: string;
  监督电话?: string;
  电子邮箱?: string;
  发布单位: string;
  发布日期: IsoDate;
  名单: PublicListEntryVM[];
}

/** One delivered measure (forms.md §3.2). */
export interface MeasureVM extends NoPersonalData {
  帮扶类别: string;
  具体帮扶措施: string;
  /** 'YYYY-MM-DD' or 'YYYY-MM' */
  落实时间?: IsoDate | IsoMonth;
  帮扶资金?: Fen;
  帮扶成效?: string;
  责任单位或责任人?: string;
}

/** 7 《帮扶措施落实情况表》 — posted per household with the 风险消除 公示, so it is public. */
export interface MeasuresSheetVM extends NoPersonalData {
  office: OfficeVM;
  村民小组: string;
  户主姓名: string;
  家庭人口数: number;
  监测对象类别: string;
  识别监测时间: IsoMonth;
  主要风险: string[];
  /** name only — the contact's phone is not posted either */
  帮扶联系人?: string;
  措施: MeasureVM[];
  户主签字?: SignatureVM;
  核实人: SignedPersonVM[];
  日期?: IsoDate;
}
