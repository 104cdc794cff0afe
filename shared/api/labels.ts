import { registersLabels } from './fieldLabels/registers';
import { importsLabels } from './fieldLabels/imports';
import { reliabilityLabels } from './fieldLabels/reliability';
import { assistanceLabels } from './fieldLabels/assistance';
import { proceduresLabels } from './fieldLabels/procedures';
import { documentsLabels } from './fieldLabels/documents';

// Chinese names of API fields, so a validation message can say which field is wrong.
// Keys are the last path segment of the field (camelCase as in the contract).
const BASE_LABELS: Record<string, string> = {
  id: '编号',
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  oldPassword: '原密码',
  displayName: '姓名',
  role: '角色',
  scope: '管辖范围',
  name: '名称/姓名',
  code: '统计代码',
  parentId: '上级区划',
  level: '区划级别',
  sortOrder: '排序',
  householdNo: '户编号',
  villageId: '行政村',
  groupId: '村民小组',
  address: '住址',
  phone: '联系电话',
  householdType: '户类型',
  flags: '户属性',
  farmlandMu: '耕地面积',
  forestMu: '林地面积',
  grainForGreenMu: '退耕还林面积',
  housingAreaM2: '住房面积',
  dangerousHouseGrade: '危房等级',
  status: '状态',
  members: '家庭成员',
  idType: '证件类型',
  idNumber: '证件号码',
  relation: '与户主关系',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '文化程度',
  schoolStage: '在校生学段',
  schoolGrade: '年级',
  outOfSchoolReason: '未上学原因',
  health: '健康状况',
  disabilityGrade: '残疾等级',
  disabilityCertNo: '残疾证号',
  labourSkill: '劳动技能',
  workPlace: '务工地点',
  workEmployer: '务工企业',
  workMonths: '务工月数',
  publicWelfareJobMonths: '公益性岗位月数',
  insuredMedical: '城乡居民基本医疗保险',
  insuredCritical: '大病保险',
  insuredPension: '基本养老保险',
  dibao: '低保',
  tekun: '特困',
  search: '搜索内容',
  startRow: '起始行',
  endRow: '结束行',
  sort: '排序方式',
  filter: '筛选条件',
  county: '县（市、区）',
  township: '乡镇（街道）',
  file: '文件',
  rowVersion: '数据版本',
};

/** Base labels plus each area's own (fieldLabels/*.ts); an area's label wins for its own fields. */
export const FIELD_LABELS: Record<string, string> = {
  ...BASE_LABELS,
  ...registersLabels,
  ...importsLabels,
  ...reliabilityLabels,
  ...assistanceLabels,
  ...proceduresLabels,
  ...documentsLabels,
};

export const labelFor = (path: PropertyKey[]): string => {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const label = typeof last === 'string' ? (FIELD_LABELS[last] ?? last) : '输入';
  const index = path.find((p) => typeof p === 'number');
  return typeof index === 'number' && path.includes('members') ? `第${index + 1}位成员的「${label}」` : `「${label}」`;
};
