/**
 * The placeholders a county .docx template may use, per form — documented in Chinese for the
 * 模板管理 screen, checked by validateTemplate, and used to flatten a view model into template data
 * (template-data.ts). One list, three uses, so the documentation cannot drift from the data.
 *
 * Names are the national labels (= the view-model keys). Loops are written `{#成员}…{/成员}`.
 */
import type { IncomeVM } from './model';
import type { FormKey } from './registry';

export type FieldKind = 'text' | 'count' | 'money' | 'date' | 'month' | 'bool' | 'list' | 'signature' | 'check' | 'loop';

export interface PlaceholderSpec {
  /** the tag: `{name}`, or `{#name}…{/name}` for a loop */
  name: string;
  说明: string;
  kind: FieldKind;
  /**
   * where the value is in the view model (dot path); default: `name`. '' is the loop item itself
   * (for a signature), '#index' the 1-based row number.
   */
  path?: string;
  /** a loop's fields */
  children?: PlaceholderSpec[];
  /** a loop whose rows are derived rather than read from one path */
  rows?: (model: never) => readonly object[];
}

const f = (name: string, 说明: string, kind: FieldKind = 'text', path?: string): PlaceholderSpec => ({ name, 说明, kind, path });
/** fields of a nested object lifted to the top level: path `${prefix}.${name}` */
const under = (prefix: string, specs: PlaceholderSpec[]): PlaceholderSpec[] => specs.map((s) => ({ ...s, path: `${prefix}.${s.path ?? s.name}` }));

const OFFICE: PlaceholderSpec[] = under('office', [f('县', '县（市、区）名称'), f('乡镇', '乡（镇、街道）名称'), f('村', '村（社区）名称')]);

const HOUSEHOLD: PlaceholderSpec[] = under('户', [
  f('户编号', '户编号（全国系统编号）'),
  f('村民小组', '村民小组'),
  f('家庭住址', '家庭住址'),
  f('户主姓名', '户主姓名'),
  f('户主性别', '户主性别'),
  f('民族', '户主民族'),
  f('政治面貌', '户主政治面貌'),
  f('证件类型', '户主证件类型'),
  f('证件号码', '户主证件号码（全文，仅限内部表格）'),
  f('联系电话', '户主联系电话'),
  f('家庭人口数', '家庭人口数', 'count'),
  f('劳动力人数', '劳动力人数', 'count'),
  f('户类型', '户类型（脱贫户/一般农户）'),
  f('是否军烈属', '是否军烈属（是/否）', 'bool'),
  f('整户无劳动能力兜底保障户', '是否整户无劳动能力兜底保障户（是/否）', 'bool'),
]);

const MEMBER_FIELDS: PlaceholderSpec[] = [
  f('序号', '成员序号（户主为1）', 'count', '#index'),
  f('姓名', '成员姓名'),
  f('性别', '性别'),
  f('证件类型', '证件类型'),
  f('证件号码', '证件号码'),
  f('与户主关系', '与户主关系'),
  f('出生日期', '出生日期（××××年×月×日）', 'date'),
  f('民族', '民族'),
  f('政治面貌', '政治面貌'),
  f('文化程度', '文化程度'),
  f('在校生状况', '在校生状况（学段、年级）'),
  f('健康状况', '健康状况'),
  f('劳动技能', '劳动技能'),
  f('务工所在地', '务工所在地'),
  f('务工时间', '务工时间（月）', 'count'),
  f('家庭成员联系电话', '家庭成员联系电话'),
  f('是否参加城乡居民基本医疗保险', '是/否', 'bool'),
  f('是否参加大病保险', '是/否', 'bool'),
  f('是否参加城乡居民基本养老保险', '是/否', 'bool'),
  f('是否享受农村居民最低生活保障', '是/否', 'bool'),
  f('是否特困供养人员', '是/否', 'bool'),
  f('备注', '备注'),
];

const MEMBERS: PlaceholderSpec = { name: '成员', 说明: '家庭成员（循环，每人一行）', kind: 'loop', children: MEMBER_FIELDS };

const INCOME_TOTALS = [
  '工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '生产经营性支出', '年总收入', '纯收入', '人均纯收入', '公益性岗位收入',
  '其他工资性收入', '资产收益扶贫分红收入', '其他财产性收入', '养老金或离退休金', '计划生育金', '最低生活保障金', '特困人员救助供养金',
  '生态补偿金', '其他转移性收入', '家庭理赔收入', '合规自付支出', '收入参考范围', '人均收入参考范围', '监测范围', '国家扶贫标准',
];

const INCOME: PlaceholderSpec[] = [
  ...under('收入', [
    f('核算期间起', '核算期间起（××××年×月）', 'month'),
    f('核算期间止', '核算期间止（××××年×月）', 'month'),
    ...INCOME_TOTALS.map((n) => f(n, `${n}（元，两位小数）`, 'money')),
  ]),
  {
    name: '收入明细',
    说明: '收入核算明细（循环：各类合计及其明细项）',
    kind: 'loop',
    rows: (m: { 收入: IncomeVM }) => m.收入.分类.flatMap((g) => [{ 代码: g.代码, 项目: g.项目, 金额: g.合计, 计入: true }, ...g.明细]),
    children: [f('代码', '代码'), f('项目', '项目名称'), f('金额', '金额（元）', 'money'), f('说明', '计算依据/说明'), f('计入', '是否计入收入（是/否）', 'bool')],
  },
];

const CHECKS: PlaceholderSpec[] = ['吃穿不愁', '义务教育保障', '基本医疗保障', '住房安全保障', '饮水安全保障'].flatMap((n) => [
  f(n, `${n}：达标/不达标（空＝未核实）`, 'check', `保障.${n}.达标`),
  f(`${n}情况`, `${n}情况说明`, 'text', `保障.${n}.情况`),
]);

const SIGNED_LOOP = (name: string, 说明: string): PlaceholderSpec => ({
  name,
  说明,
  kind: 'loop',
  children: [f('姓名', '姓名'), f('身份', '单位或职务'), f('签字', '签字状态：已电子签名/纸质签字/空', 'signature', '')],
});

const RISKS = f('风险', '致贫/返贫风险（顿号分隔，如「因病、因学」）', 'list');

const PUBLIC_ENTRY: PlaceholderSpec = {
  name: '名单',
  说明: '公示/公告名单（循环）——不含证件号码、电话、银行账号、健康状况',
  kind: 'loop',
  children: [
    f('序号', '序号', 'count', '#index'), f('乡镇', '乡（镇）'), f('村', '村'), f('村民小组', '村民小组'), f('户主姓名', '户主姓名'), f('家庭人口数', '家庭人口数', 'count'),
    f('监测对象类别', '监测对象类别'), f('主要风险', '主要风险', 'list'), f('风险消除方式', '风险消除方式'), f('备注', '备注'),
  ],
};

const approvalLevel = (key: string, who: string): PlaceholderSpec[] => [
  f(`${key}意见`, `${who}意见`, 'text', `${key}意见.意见`),
  f(`${key}经办人`, `${who}经办人`, 'text', `${key}意见.经办人`),
  f(`${key}负责人`, `${who}负责人`, 'text', `${key}意见.负责人`),
  f(`${key}日期`, `${who}签署日期`, 'date', `${key}意见.日期`),
];
const APPROVALS = [...approvalLevel('村', '村（居）委会'), ...approvalLevel('乡镇', '乡（镇、街道）'), ...approvalLevel('县', '县级部门')];

/** Placeholders per form. */
export const TEMPLATE_FIELDS: Record<FormKey, PlaceholderSpec[]> = {
  application: [
    ...OFFICE, ...HOUSEHOLD, MEMBERS, RISKS, f('申请日期', '申请日期', 'date'), f('近12个月家庭年收入', '近12个月家庭年收入（元）', 'money'),
    f('风险说明', '风险具体情况'), f('主要困难', '无能力解决的主要困难'), f('受理人', '村（居）委会受理人'), f('受理日期', '受理日期', 'date'),
    f('申请人签字', '申请人签字状态', 'signature'),
  ],
  intake: [
    ...OFFICE, ...HOUSEHOLD, MEMBERS, ...INCOME, ...CHECKS, RISKS, f('监测对象类别', '监测对象类别'), f('识别监测时间', '识别监测时间', 'month'),
    SIGNED_LOOP('核实人', '入户核实人（循环）'), f('填表人', '填表人'), f('填表人联系电话', '填表人联系电话'), f('填表日期', '填表时间', 'date'),
    f('户主签字', '户主签字状态', 'signature'),
  ],
  incomeSheet: [...OFFICE, ...HOUSEHOLD.filter((s) => ['户编号', '村民小组', '户主姓名', '家庭人口数'].includes(s.name)), ...INCOME, SIGNED_LOOP('核算人', '核算人（循环）'), f('核算日期', '核算日期', 'date'), f('户主签字', '户主签字状态', 'signature')],
  minutes: [
    ...OFFICE, f('会议日期', '会议日期', 'date'), f('会议时间', '会议时间（时:分）'), f('会议地点', '会议地点'), f('主持人', '主持人'), f('记录人', '记录人'),
    f('应到人数', '应到人数', 'count'), f('实到人数', '实到人数', 'count'), f('会议内容', '会议内容'), f('锁定校验码', '记录锁定校验码（SHA-256）'),
    {
      name: '评议事项', 说明: '逐户评议结果（循环）', kind: 'loop',
      children: [f('序号', '序号', 'count', '#index'), f('户主姓名', '户主姓名'), f('村民小组', '村民小组'), f('家庭人口数', '家庭人口数', 'count'), f('评议事项', '纳入/风险消除'), f('类别或方式', '监测对象类别或风险消除方式'), f('主要情况', '主要情况'), f('同意', '同意票数', 'count'), f('不同意', '不同意票数', 'count'), f('弃权', '弃权票数', 'count'), f('评议结果', '通过/不通过'), f('帮扶需求', '帮扶需求')],
    },
    SIGNED_LOOP('参会人员', '参会人员及签字状态（循环）'),
  ],
  publicNotice: [...OFFICE, f('类型', '拟纳入/拟消除风险'), f('评议日期', '评议日期', 'date'), f('公示开始', '公示开始日期', 'date'), f('公示结束', '公示结束日期', 'date'), f('公示地点', '公示地点'), f('监督电话', '监督电话（单位电话）'), f('异议受理单位', '异议受理单位'), f('发布单位', '发布单位'), f('发布日期', '发布日期', 'date'), PUBLIC_ENTRY],
  announcement: [...OFFICE, f('类型', '纳入/风险消除'), f('年度', '年度', 'count'), f('依据', '依据'), f('公告开始', '公告开始日期', 'date'), f('公告结束', '公告结束日期', 'date'), f('投诉监督地址', '投诉监督地址'), f('监督电话', '监督电话'), f('电子邮箱', '电子邮箱'), f('发布单位', '发布单位'), f('发布日期', '发布日期', 'date'), PUBLIC_ENTRY],
  approval: [...OFFICE, ...HOUSEHOLD, MEMBERS, ...INCOME, ...CHECKS, RISKS, f('编号', '编号'), f('发现途径', '发现途径'), f('监测对象类别', '拟认定类别'), ...APPROVALS, f('录入日期', '录入系统日期', 'date'), f('录入人', '录入人'), f('公告日期', '公告日期', 'date')],
  measures: [
    ...OFFICE, f('村民小组', '村民小组'), f('户主姓名', '户主姓名'), f('家庭人口数', '家庭人口数', 'count'), f('监测对象类别', '监测对象类别'), f('识别监测时间', '识别监测时间', 'month'), f('主要风险', '主要风险', 'list'), f('帮扶联系人', '帮扶联系人（仅姓名）'), f('日期', '日期', 'date'),
    { name: '措施', 说明: '帮扶措施（循环）', kind: 'loop', children: [f('序号', '序号', 'count', '#index'), f('帮扶类别', '帮扶类别'), f('具体帮扶措施', '具体帮扶措施'), f('落实时间', '落实时间', 'date'), f('帮扶资金', '帮扶资金（元）', 'money'), f('帮扶成效', '帮扶成效'), f('责任单位或责任人', '责任单位/责任人')] },
  ],
  eliminationAssessment: [
    ...OFFICE, ...HOUSEHOLD.filter((s) => ['户编号', '村民小组', '户主姓名', '证件号码', '家庭人口数'].includes(s.name)), f('监测对象类别', '监测对象类别'), f('识别监测时间', '识别监测时间', 'month'),
    f('识别时主要风险', '识别时主要风险', 'list'), f('已落实帮扶措施', '已落实帮扶措施（摘要）'), f('拟消除方式', '帮扶消除/自然消除'), ...under('收入', [f('人均纯收入', '人均纯收入（元）', 'money'), f('监测范围', '当年监测范围（元）', 'money')]), ...CHECKS, ...APPROVALS,
    { name: '标准核实', 说明: '风险消除标准核实（循环）', kind: 'loop', children: [f('核实项目', '核实项目'), f('核实标准', '核实标准'), f('核实情况', '核实情况'), f('达到', '是否达到（是/否）', 'bool')] },
  ],
  rejectionNotice: [...OFFICE, f('文号', '文号'), f('户主姓名', '户主姓名'), f('村民小组', '村民小组'), f('申请日期', '申请日期', 'date'), f('已开展程序', '已开展程序', 'list'), f('不予纳入原因', '不予纳入原因'), f('政策依据', '政策依据'), f('异议期限天数', '异议期限（天）', 'count'), f('异议受理单位', '异议受理单位'), f('异议受理电话', '异议受理电话'), f('发文单位', '发文单位'), f('发文日期', '发文日期', 'date'), f('送达人', '送达人')],
};
