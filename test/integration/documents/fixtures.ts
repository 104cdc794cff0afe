/**
 * Fixture view models for the form builders: one household with rare characters (𠮷, 堃), an ID
 * ending in X, a minor, a chronic illness and a C-grade house. Derived numbers (income totals,
 * check digits) are computed here from their parts, never typed in.
 */
import type {
  AnnouncementVM,
  ApplicationFormVM,
  ApprovalFormVM,
  AssuranceChecksVM,
  EliminationAssessmentVM,
  HouseholdVM,
  IncomeGroupVM,
  IncomeSheetVM,
  IncomeVM,
  IntakeFormVM,
  MeasuresSheetVM,
  MeetingMinutesVM,
  MemberVM,
  OfficeVM,
  PublicNoticeVM,
  RejectionNoticeVM,
} from '../../../electron/backend/documents/model';
import { DEFAULT_ELIMINATION_CRITERIA } from '../../../electron/backend/documents/options';
import type { FormModels } from '../../../electron/backend/documents/registry';
import { signaturePng } from './png';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check digit of the first 17 digits. */
export function checkDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** A valid ID for region+birth; with `wantX` the sequence is chosen so the check digit is X. */
export function idNumber(region: string, birth: string, seq: number, wantX = false): string {
  for (let s = seq; s < seq + 1000; s++) {
    const first17 = `${region}${birth.replaceAll('-', '')}${String(s % 1000).padStart(3, '0')}`;
    const c = checkDigit(first17);
    if (!wantX || c === 'X') return first17 + c;
  }
  throw new Error('no X check digit found');
}

export const office: OfficeVM = { 县: '平江县', 乡镇: '三市镇', 村: '红星村' };

export const HEAD_NAME = '𠮷祥堃';
export const HEAD_ID = idNumber('430626', '1968-03-12', 31, true);
export const HEAD_PHONE = '13807311234';
export const SON_PHONE = '13912345678';

export const members: MemberVM[] = [
  {
    姓名: HEAD_NAME, 性别: '男', 证件号码: HEAD_ID, 与户主关系: '户主', 出生日期: '1968-03-12', 民族: '汉族', 政治面貌: '群众',
    文化程度: '初中', 健康状况: '长期慢性病', 劳动技能: '弱劳动力或半劳动力', 家庭成员联系电话: HEAD_PHONE,
    是否参加城乡居民基本医疗保险: true, 是否参加大病保险: true, 是否参加城乡居民基本养老保险: true,
  },
  {
    姓名: '龚秀英', 性别: '女', 证件号码: idNumber('430626', '1970-07-01', 42), 与户主关系: '配偶', 出生日期: '1970-07-01', 民族: '汉族',
    政治面貌: '群众', 文化程度: '小学', 健康状况: '患有大病', 劳动技能: '丧失劳动力',
    是否参加城乡居民基本医疗保险: true, 是否参加大病保险: true, 是否享受农村居民最低生活保障: false,
  },
  {
    姓名: '𠮷志远', 性别: '男', 证件号码: idNumber('430626', '1996-05-20', 17), 与户主关系: '之子', 出生日期: '1996-05-20', 民族: '汉族',
    政治面貌: '共青团员', 文化程度: '高中', 健康状况: '健康', 劳动技能: '普通劳动力', 务工所在地: '广东省东莞市', 务工时间: 10,
    家庭成员联系电话: SON_PHONE, 是否参加城乡居民基本医疗保险: true, 公益性岗位: '', 备注: '',
  },
  {
    姓名: '𠮷小雨', 性别: '女', 证件号码: idNumber('430626', '2013-09-01', 66), 与户主关系: '之女', 出生日期: '2013-09-01', 民族: '汉族',
    文化程度: '初中', 在校生状况: '初中二年级', 健康状况: '健康', 劳动技能: '无劳动力', 是否参加城乡居民基本医疗保险: true,
  },
];

export const household: HouseholdVM = {
  户编号: '430626108201000123', 村民小组: '第三组', 家庭住址: '平江县三市镇红星村第三组18号', 户主姓名: HEAD_NAME, 户主性别: '男',
  民族: '汉族', 政治面貌: '群众', 证件号码: HEAD_ID, 联系电话: HEAD_PHONE, 家庭人口数: members.length, 劳动力人数: 2, 户类型: '一般农户',
  是否军烈属: false, 整户无劳动能力兜底保障户: false, 居住在异地扶贫搬迁集中安置区: false,
};

const item = (代码: string, 项目: string, 金额: number, 说明 = '', 计入 = true) => ({ 代码, 项目, 金额, 说明, 计入 });
const group = (代码: string, 项目: string, 明细: IncomeGroupVM['明细']): IncomeGroupVM => ({
  代码, 项目, 明细, 合计: 明细.filter((i) => i.计入).reduce((s, i) => s + i.金额, 0),
});

const groups = [
  group('A', '工资性收入合计', [item('A1', '务工收入', 1_800_000, '之子在东莞务工10个月'), item('A4', '村级公益岗收入', 360_000, '户主护林员')]),
  group('B', '生产经营性收入合计', [item('B1', '种植业收入', 500_000, '水稻4亩'), item('B2', '养殖业收入', 120_000)]),
  group('C', '财产性收入合计', [item('C1', '资产收益扶贫分红收入', 30_000), item('C2', '土地流转收入', 45_000)]),
  group('D', '转移性收入合计', [item('D5a', '退耕还林补贴', 36_000), item('D6b', '地力补贴', 41_250, '耕地4亩'), item('D6x', '医疗报销', 500_000, '住院报销', false)]),
  group('E', '生产经营性支出合计', [item('E1', '种植业支出', 180_000), item('E2', '养殖业支出', 60_000)]),
];
const total = (code: string) => groups.find((g) => g.代码 === code)!.合计;
const grossIncome = total('A') + total('B') + total('C') + total('D');
const netIncome = grossIncome - total('E');

export const income: IncomeVM = {
  核算期间起: '2025-11', 核算期间止: '2026-10', 家庭人口数: members.length, 分类: groups,
  工资性收入: total('A'), 生产经营性收入: total('B'), 财产性收入: total('C'), 转移性收入: total('D'), 生产经营性支出: total('E'),
  年总收入: grossIncome, 纯收入: netIncome, 人均纯收入: Math.round(netIncome / members.length),
  公益性岗位收入: 360_000, 其他工资性收入: 0, 资产收益扶贫分红收入: 30_000, 其他财产性收入: 45_000, 养老金或离退休金: 0, 计划生育金: 0,
  最低生活保障金: 0, 特困人员救助供养金: 0, 生态补偿金: 36_000, 其他转移性收入: 41_250, 家庭理赔收入: 0, 合规自付支出: 1_250_000,
  监测范围: 860_000, 国家扶贫标准: 480_000,
};

export const checks: AssuranceChecksVM = {
  吃穿不愁: { 达标: true }, 义务教育保障: { 达标: true }, 基本医疗保障: { 达标: true },
  住房安全保障: { 达标: false, 情况: '住房鉴定为C级危房' }, 饮水安全保障: { 达标: true },
};

const sig = (seed: number) => ({ 签名图片: signaturePng(240, 80, seed) });
export const verifiers = [
  { 姓名: '李建国', 身份: '镇干部', ...sig(1) },
  { 姓名: '周红梅', 身份: '驻村第一书记', 纸质签字: true },
];

export const intake: IntakeFormVM = {
  office, 户: household, 成员: members, 收入: income, 保障: checks, 风险: ['因病', '住房安全'], 风险说明: '户主慢性病、配偶大病住院，住房为C级危房',
  监测对象类别: '边缘易致贫户', 识别监测时间: '2026-11', 生产生活条件: { '耕地面积（亩）': '4', '林地面积（亩）': '12', '住房面积（平方米）': '96', 是否危房户: '是（C级）' },
  帮扶责任人: [{ 姓名: '王建军', 性别: '男', 政治面貌: '中共党员', 帮扶单位名称: '平江县农业农村局', 联系电话: '0730-6221234', 帮扶开始时间: '2026-11-25' }],
  核实人: verifiers, 填表人: '李建国', 填表人联系电话: '13574001234', 户主签字: sig(3), 填表日期: '2026-11-18',
};

export const application: ApplicationFormVM = {
  office, 申请类型: '新申请', 申请日期: '2026-11-15', 户: household,
  成员: members.map((m, i) => ({ ...m, 签字: i === 0 ? sig(4) : i === 1 ? { 纸质签字: true } : undefined })),
  劳动力人数: 2, 在校生人数: 1, 残疾人数: 0, 慢性病患者数: 1, 重症患者数: 1, 近12个月家庭年收入: netIncome, 风险: ['因病', '住房安全'],
  风险说明: '配偶患大病住院，自付医疗费用较高', 主要困难: '医疗费用负担重、住房为危房', 申请人签字: sig(4),
  代填人: { 姓名: '𠮷志远', 与申请人关系: '父子' }, 受理人: '张立新', 受理日期: '2026-11-15',
};

export const incomeSheet: IncomeSheetVM = {
  office, 户: household, 收入: income, 户主签字: sig(5), 核算人: verifiers, 村审核人: { 姓名: '张立新' }, 核算日期: '2026-11-18',
};

export const minutes: MeetingMinutesVM = {
  office, 会议日期: '2026-11-20', 会议时间: '19:30', 会议地点: '红星村村委会会议室', 主持人: '张立新', 记录人: '周红梅', 应到人数: 6, 实到人数: 5,
  当年监测范围: 860_000,
  评议事项: [
    { 户主姓名: HEAD_NAME, 村民小组: '第三组', 家庭人口数: 4, 评议事项: '纳入', 类别或方式: '边缘易致贫户', 主要情况: '因病、住房安全，人均纯收入低于监测范围', 同意: 5, 不同意: 0, 弃权: 0, 评议结果: '通过', 帮扶需求: '危房改造、医疗救助' },
    { 户主姓名: '龚德明', 村民小组: '第一组', 家庭人口数: 3, 评议事项: '风险消除', 类别或方式: '帮扶消除', 主要情况: '务工收入稳定，人均纯收入1.2万元', 同意: 4, 不同意: 1, 弃权: 0, 评议结果: '通过' },
  ],
  会议内容: '主持人宣读了2026年度监测范围。\n\n驻村第一书记周红梅通报了入户核查和信息比对情况，与会人员逐户评议、举手表决。',
  参会人员: [
    { 姓名: '张立新', 身份: '村党总支书记', ...sig(6) },
    { 姓名: '周红梅', 身份: '驻村第一书记', ...sig(7) },
    { 姓名: '龚建华', 身份: '党员代表', ...sig(8) },
    { 姓名: '𠮷德胜', 身份: '第三组村民小组长', 纸质签字: true },
    { 姓名: '刘桂英', 身份: '村民代表' },
  ],
  锁定校验码: 'a3f1c9e27b4d8e6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071', 锁定日期: '2026-11-20',
};

export const noticeEntries = [
  { 村民小组: '第三组', 户主姓名: HEAD_NAME, 家庭人口数: 4, 监测对象类别: '边缘易致贫户', 主要风险: ['因病', '住房安全'] },
  { 村民小组: '第五组', 户主姓名: '龚堃', 家庭人口数: 2, 监测对象类别: '突发严重困难户', 主要风险: ['因意外事故'], 备注: '' },
];

export const publicNotice: PublicNoticeVM = {
  类型: '拟纳入', office, 评议日期: '2026-11-20', 公示开始: '2026-11-21', 公示结束: '2026-11-27', 公示地点: '红星村村务公开栏',
  监督电话: '0730-6123456', 异议受理单位: '三市镇人民政府', 发布单位: '红星村民委员会', 发布日期: '2026-11-21', 名单: noticeEntries,
};

export const eliminationNotice: PublicNoticeVM = {
  ...publicNotice, 类型: '拟消除风险', 名单: [{ 村民小组: '第一组', 户主姓名: '龚德明', 家庭人口数: 3, 风险消除方式: '帮扶消除' }],
};

export const announcement: AnnouncementVM = {
  类型: '纳入', office, 年度: 2026, 依据: '根据《平江县防止返贫动态监测和帮扶实施办法》和2026年度监测范围（人均纯收入8600元）',
  公告开始: '2026-12-01', 公告结束: '2026-12-05', 投诉监督地址: '平江县乡村振兴局（县政府大院3号楼）', 监督电话: '0730-6220000',
  发布单位: '平江县乡村振兴局', 发布日期: '2026-12-01',
  名单: noticeEntries.map((e) => ({ ...e, 乡镇: '三市镇', 村: '红星村' })),
};

export const approval: ApprovalFormVM = {
  office, 编号: '2026-三市-017', 户: household, 成员: members, 收入: income, 发现途径: '农户自主申报', 风险: ['因病', '住房安全'], 保障: checks,
  监测对象类别: '边缘易致贫户', 入户核实: { 日期: '2026-11-17', 核实人: verifiers },
  信息比对: { 有异常: false, 比对部门: ['公安', '不动产', '车辆'] },
  民主评议: { 评议日期: '2026-11-20', 应到人数: 6, 实到人数: 5, 同意: 5, 不同意: 0, 弃权: 0, 评议结果: '通过' },
  村内公示: { 开始日期: '2026-11-21', 结束日期: '2026-11-27', 有异议: false },
  村意见: { 意见: '经民主评议和公示无异议，同意上报。', 负责人: '张立新', 负责人签字: sig(9), 日期: '2026-11-28' },
  乡镇意见: { 同意: true, 意见: '经审核，情况属实，同意纳入。', 经办人: '李建国', 负责人: '陈志强', 日期: '2026-11-29' },
};

export const measures: MeasuresSheetVM = {
  office, 村民小组: '第一组', 户主姓名: '龚德明', 家庭人口数: 3, 监测对象类别: '突发严重困难户', 识别监测时间: '2026-03', 主要风险: ['因意外事故'],
  帮扶联系人: '王建军',
  措施: [
    { 帮扶类别: '就业帮扶', 具体帮扶措施: '推荐到县工业园务工', 落实时间: '2026-04', 帮扶成效: '月收入3500元', 责任单位或责任人: '县人社局' },
    { 帮扶类别: '产业帮扶', 具体帮扶措施: '发放小额信贷5万元发展养殖', 落实时间: '2026-05-10', 帮扶资金: 5_000_000, 帮扶成效: '存栏生猪20头', 责任单位或责任人: '王建军' },
  ],
  户主签字: sig(10), 核实人: verifiers, 日期: '2026-11-19',
};

export const elimination: EliminationAssessmentVM = {
  office, 户: { 户编号: '430626108201000045', 村民小组: '第一组', 户主姓名: '龚德明', 证件号码: idNumber('430626', '1975-01-09', 5), 家庭人口数: 3 },
  监测对象类别: '突发严重困难户', 识别监测时间: '2026-03', 识别时主要风险: ['因意外事故'], 已落实帮扶措施: '就业帮扶（县工业园务工）；产业帮扶（小额信贷5万元）',
  收入: { 人均纯收入: 1_215_000, 监测范围: 860_000, 合规自付支出: 0, 家庭理赔收入: 200_000 },
  保障: { ...checks, 住房安全保障: { 达标: true } }, 拟消除方式: '帮扶消除', 整户无劳动能力: false,
  标准核实: DEFAULT_ELIMINATION_CRITERIA.map((c) => ({ ...c, 核实情况: c.核实项目 === '一超过（收入）' ? '人均纯收入12150元' : '已核实', 达到: true })),
  入户核实: { 意见: '收入稳定，风险已消除，建议标注风险消除。', 核实人: verifiers, 日期: '2026-11-18' },
  民主评议: { 评议日期: '2026-11-20', 应到人数: 6, 实到人数: 5, 同意: 4, 不同意: 1, 弃权: 0, 评议结果: '通过' },
};

export const rejection: RejectionNoticeVM = {
  office, 文号: '红星村告〔2026〕3号', 户主姓名: '龚有才', 村民小组: '第二组', 申请日期: '2026-11-02', 已开展程序: ['入户核实', '信息比对', '民主评议'],
  不予纳入原因: '家庭人均纯收入15600元，明显高于当年监测范围，且无刚性支出或其他返贫致贫风险。', 政策依据: '《平江县防止返贫动态监测和帮扶实施办法》第八条',
  异议期限天数: 7, 异议受理单位: '红星村民委员会或三市镇人民政府', 异议受理电话: '0730-6123456', 发文单位: '红星村民委员会', 发文日期: '2026-11-25', 送达人: '周红梅',
};

/** One fixture per form key, for loops over every form. */
export const FIXTURES: { [K in keyof FormModels]: FormModels[K] } = {
  application, intake, incomeSheet, minutes, publicNotice, announcement, approval, measures, eliminationAssessment: elimination, rejectionNotice: rejection,
};
