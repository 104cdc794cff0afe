/**
 * View models of the standard Word forms (reference/forms.md). Plain, print-ready data: no database
 * ids, no behaviour. Another module maps DB rows to these.
 *
 * Field keys are the national labels (forms.md), because county .docx templates bind to the same
 * names (`{户主姓名}`, `{#成员}{姓名}{/成员}`). Where a printed label carries a unit, the key drops it
 * (key `务工时间`, printed 「务工时间（月）」); templateFields.ts documents every key.
 *
 * Units: money is integer 分 (`Fen`), dates are 'YYYY-MM-DD' (`IsoDate`), months 'YYYY-MM'.
 * An absent optional value prints as an empty cell (or a blank line for a pen), never as 'undefined'.
 */
export * from './model-common';
export * from './model-household';
export * from './model-public';
import type { Fen, IsoDate, IsoMonth, OfficeVM, PostingPeriodVM, SignatureVM, SignedPersonVM, VoteSummaryVM } from './model-common';
import type { AssuranceChecksVM, HelperCadreVM, HouseholdVM, IncomeVM, MemberVM } from './model-household';

/**
 * One level's approval cell: 村（居）委会 / 乡（镇、街道） / 县级. Every field may be empty — the
 * form then prints blank space for a pen and the seal.
 */
export interface ApprovalVM {
  /** □同意 □不同意 tick; null/absent = not ticked */
  同意?: boolean | null;
  意见?: string;
  经办人?: string;
  经办人签字?: SignatureVM;
  负责人?: string;
  负责人签字?: SignatureVM;
  日期?: IsoDate;
  /** county written reply number in a township install, e.g. 「某乡振发〔2026〕12号」 */
  文号?: string;
}

/** 1 《防止返贫监测对象个人申请及承诺授权书》 (forms.md §5.3). */
export interface ApplicationFormVM {
  office: OfficeVM;
  申请类型?: '新申请' | '风险再标注';
  申请日期: IsoDate;
  户: HouseholdVM;
  成员: (MemberVM & { 签字?: SignatureVM })[];
  劳动力人数: number;
  在校生人数: number;
  残疾人数: number;
  慢性病患者数: number;
  重症患者数: number;
  近12个月家庭年收入: Fen;
  风险: string[];
  /** 「导致……」 what happened */
  风险说明?: string;
  /** 本户无能力解决的主要困难 */
  主要困难?: string;
  申请人签字?: SignatureVM;
  代填人?: { 姓名: string; 与申请人关系: string; 签字?: SignatureVM };
  受理人?: string;
  受理日期?: IsoDate;
  /** county wording replaces the reconstructed clauses (COMPASS B1) */
  承诺条款?: string;
  授权条款?: string;
}

/** 2 《防止返贫监测对象信息采集表》 (forms.md §2.2). */
export interface IntakeFormVM {
  office: OfficeVM;
  户: HouseholdVM;
  成员: MemberVM[];
  收入: IncomeVM;
  保障: AssuranceChecksVM;
  风险: string[];
  自然灾害子项?: string;
  风险说明?: string;
  监测对象类别?: string;
  识别监测时间?: IsoMonth;
  /** 生产生活条件 label → printed value, e.g. {'耕地面积（亩）': '3.5'}; omitted when empty */
  生产生活条件?: Record<string, string>;
  帮扶责任人?: HelperCadreVM[];
  核实人: SignedPersonVM[];
  填表人?: string;
  填表人联系电话?: string;
  户主签字?: SignatureVM;
  填表日期?: IsoDate;
}

/** 3 《家庭收入核算表》 (forms.md §7.1 c). */
export interface IncomeSheetVM {
  office: OfficeVM;
  户: Pick<HouseholdVM, '户编号' | '村民小组' | '户主姓名' | '家庭人口数'>;
  收入: IncomeVM;
  户主签字?: SignatureVM;
  核算人: SignedPersonVM[];
  村审核人?: SignedPersonVM;
  乡镇审核人?: SignedPersonVM;
  核算日期?: IsoDate;
}

/** One household deliberated at a meeting (forms.md §6.2 逐户评议结果). */
export interface MeetingItemVM {
  户主姓名: string;
  村民小组: string;
  家庭人口数: number;
  评议事项: '纳入' | '风险消除';
  /** 监测对象类别 for 纳入, 风险消除方式 for 风险消除 */
  类别或方式: string;
  主要情况: string;
  同意: number;
  不同意: number;
  弃权: number;
  评议结果: '通过' | '不通过';
  帮扶需求?: string;
}

/** A meeting participant: signed on the pad (PNG), on paper (纸质签字), or not yet (blank for a pen). */
export interface AttendeeVM extends SignatureVM {
  姓名: string;
  身份: string;
}

/** 4 民主评议会议记录 (forms.md §6.2). */
export interface MeetingMinutesVM {
  office: OfficeVM;
  会议日期: IsoDate;
  /** 'HH:mm' */
  会议时间?: string;
  会议地点: string;
  主持人: string;
  记录人: string;
  应到人数: number;
  实到人数: number;
  当年监测范围?: Fen;
  评议事项: MeetingItemVM[];
  /** free minutes text; paragraphs split on blank lines */
  会议内容: string;
  参会人员: AttendeeVM[];
  /** SHA-256 of the locked record, printed in the footer */
  锁定校验码?: string;
  锁定日期?: IsoDate;
}

/** 6 《防止返贫监测对象识别审批表》 (forms.md §4.2). */
export interface ApprovalFormVM {
  office: OfficeVM;
  编号?: string;
  户: HouseholdVM;
  成员: MemberVM[];
  收入: IncomeVM;
  发现途径: string;
  风险: string[];
  保障: AssuranceChecksVM;
  /** 拟认定类别 */
  监测对象类别: string;
  入户核实: { 日期?: IsoDate; 核实人: SignedPersonVM[] };
  信息比对: { 有异常: boolean | null; 说明?: string; 比对部门?: string[] };
  民主评议?: VoteSummaryVM;
  村内公示?: PostingPeriodVM;
  村意见?: ApprovalVM;
  乡镇意见?: ApprovalVM;
  县意见?: ApprovalVM;
  录入日期?: IsoDate;
  录入人?: string;
  公告日期?: IsoDate;
}

/** One row of 风险消除 核实项目 (forms.md §3.1); DEFAULT_ELIMINATION_CRITERIA gives the seed rows. */
export interface EliminationCriterionVM {
  核实项目: string;
  核实标准: string;
  核实情况?: string;
  /** 是否达到; for 不得消除情形 true means 不存在 */
  达到: boolean | null;
}

/** 8 《防止返贫监测对象风险消除评估表》 (forms.md §3.3, with the §3.1 checklist). */
export interface EliminationAssessmentVM {
  office: OfficeVM;
  户: Pick<HouseholdVM, '户编号' | '村民小组' | '户主姓名' | '证件号码' | '家庭人口数'>;
  监测对象类别: string;
  识别监测时间: IsoMonth;
  识别时主要风险: string[];
  已落实帮扶措施: string;
  收入: Pick<IncomeVM, '人均纯收入' | '监测范围' | '合规自付支出' | '家庭理赔收入'>;
  保障: AssuranceChecksVM;
  拟消除方式: '帮扶消除' | '自然消除';
  整户无劳动能力: boolean;
  标准核实: EliminationCriterionVM[];
  入户核实: { 意见?: string; 核实人: SignedPersonVM[]; 日期?: IsoDate };
  民主评议?: VoteSummaryVM;
  村内公示?: PostingPeriodVM;
  村意见?: ApprovalVM;
  乡镇意见?: ApprovalVM;
  县意见?: ApprovalVM;
}

/** 9 不予纳入告知书 — goes to the household, so it carries no ID number either. */
export interface RejectionNoticeVM {
  office: OfficeVM;
  文号?: string;
  户主姓名: string;
  村民小组: string;
  申请日期: IsoDate;
  /** 已开展的程序, e.g. ['入户核实', '信息比对', '民主评议'] */
  已开展程序: string[];
  不予纳入原因: string;
  政策依据?: string;
  异议期限天数: number;
  异议受理单位: string;
  异议受理电话?: string;
  发文单位: string;
  发文日期: IsoDate;
  送达人?: string;
}
