// Parses step data with zod and turns every issue into a Chinese message that names the field.
import type { z } from 'zod';
import { validationError, type FieldIssue } from '../errors';

const FIELD_LABELS: Record<string, string> = {
  date: '日期',
  applicantName: '申请人姓名',
  receivedBy: '受理人',
  commitment: '如实申报承诺',
  authorisation: '授权查询家庭资产信息',
  mark: '申请人签字/手印',
  signed: '是否签字',
  fingerprint: '是否按手印',
  medium: '签署方式',
  imageRef: '签字图片',
  scanRef: '纸质扫描件',
  proxyFiller: '代填人',
  relation: '与申请人关系',
  name: '姓名',
  unit: '单位',
  channel: '发现途径',
  proposedBy: '提出人',
  mode: '风险消除方式',
  basis: '研判理由',
  verifiers: '核实人员',
  findings: '核实情况',
  formRef: '表格扫描件',
  householdMark: '农户签字/手印',
  meetingId: '评议会议',
  outcome: '评议结果',
  votes: '表决票数',
  agree: '同意票',
  disagree: '不同意票',
  abstain: '弃权票',
  startDate: '公示开始日期',
  days: '公示天数',
  place: '公示地点',
  objections: '异议',
  content: '异议内容',
  investigation: '调查核实情况',
  result: '处理结果',
  resolved: '是否处理完毕',
  reviewer: '审核人',
  opinion: '审核意见',
  decision: '审核/审定结论',
  sendBackTo: '退回到的步骤',
  reason: '理由',
  category: '监测对象类别',
  risks: '风险类型',
  systemEntryDate: '录入系统日期',
  announcementDate: '公告日期',
  docNumber: '文号',
  grade: '风险等级',
  assistanceStartedOn: '开始救助日期',
  contactedAt: '联系时间',
  contactedBy: '联系人',
  siteVisited: '是否上门核查',
  explained: '是否已解释政策',
  writtenNoticeRef: '不予纳入告知书',
  receivedAt: '接报时间',
  summary: '线索内容',
};

const labelOf = (path: readonly PropertyKey[]): string => {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const index = path.find((p) => typeof p === 'number');
  const label = typeof last === 'string' ? (FIELD_LABELS[last] ?? last) : '输入';
  return typeof index === 'number' ? `第${index + 1}项的「${label}」` : `「${label}」`;
};

function messageFor(issue: z.core.$ZodIssue): string {
  // A message written in the schema (Chinese) says it best; zod's own defaults are English.
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const field = labelOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `请填写${field}。` : `${field}的格式不对，请重新填写。`;
    case 'too_small':
      if (issue.origin === 'string') return `${field}不能为空，请填写。`;
      if (issue.origin === 'array') return `${field}至少需要 ${issue.minimum} 项。`;
      return `${field}不能小于 ${issue.minimum}。`;
    case 'too_big':
      if (issue.origin === 'array') return `${field}最多 ${issue.maximum} 项。`;
      if (issue.origin === 'string') return `${field}不能超过 ${issue.maximum} 个字，请删减。`;
      return `${field}不能大于 ${issue.maximum}。`;
    case 'invalid_value':
      return `${field}只能是：${issue.values.map(String).join('、')}。`;
    case 'invalid_union':
      return `${field}填写有误，请检查。`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}。`;
    default:
      return `${field}填写有误，请检查。`;
  }
}

/** Returns the parsed data or throws a `validation` DomainError listing every problem at once. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: messageFor(i) }));
  throw validationError(issues, `${what}填写有误：${issues.map((i) => i.message).join('；')}`);
}
