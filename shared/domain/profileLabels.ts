// Chinese names for profile paths, so a validation message reads "办理程序 › 公示天数：…" instead of a JSON path.
// Keys missing here are shown as-is (they are still unambiguous, just English).

const SECTION_LABELS: Record<string, string> = {
  office: '单位信息',
  enums: '选项列表',
  income: '收入核算',
  grading: '风险评级',
  assessment: '两不愁三保障评估',
  procedure: '办理程序',
  assistance: '帮扶跟踪',
  warnings: '部门预警',
  privacy: '隐私保护',
  security: '账号安全',
  documents: '文书格式',
};

const FIELD_LABELS: Record<string, string> = {
  noticeShowsRisks: '公示公告显示主要风险',
  profileName: '口径名称',
  profileVersion: '口径版本',
  householdTypes: '户类型',
  householdFlags: '户标识',
  monitoringCategories: '监测对象类别',
  riskTypes: '风险类型',
  maxRisksPerHousehold: '每户风险类型上限',
  schoolStages: '学段',
  labourSkills: '劳动技能',
  measureCategories: '帮扶措施类别',
  leadChannels: '线索来源',
  window: '收入核算时段',
  lines: '收入标准',
  povertyLineFen: '国家扶贫标准（分）',
  monitoringLineFen: '监测范围（分）',
  items: '项目',
  counted: '是否计入',
  group: '分组',
  warnKeys: '提醒规则',
  rules: '规则',
  when: '条件',
  colour: '颜色',
  label: '名称',
  key: '键名',
  defaultColour: '默认颜色',
  leadContactHours: '线索联系时限（小时）',
  publicNoticeDays: '公示天数',
  stepWorkingDays: '步骤时限',
  wholeProcedureWorkingDays: '办理总时限（工作日）',
  minVerifiers: '入户核实最少人数',
  eliminationMinMonths: '风险消除最短监测月数',
  localHolidays: '本地放假日期',
  localWorkdays: '本地调休上班日期',
  actionPermissions: '步骤权限',
  escalationMonths: '加大帮扶力度月数',
  riskMeasures: '风险对应帮扶措施',
  idMaskPattern: '证件号码遮挡方式',
  phoneMask: '电话号码遮挡方式',
  lockoutAttempts: '锁定前失败次数',
  lockoutMinutes: '锁定分钟数',
  idleMinutes: '空闲自动锁定分钟数',
  passwordMinLength: '密码最小长度',
  passwordMinClasses: '密码字符种类',
  marginsCm: '页边距（厘米）',
  fonts: '字体',
  compulsoryAgeFrom: '义务教育起始年龄',
  compulsoryAgeTo: '义务教育截止年龄',
  housingFailGrades: '不达标的危房等级',
};

/** ['procedure','publicNoticeDays'] → '办理程序 › 公示天数'; array indexes become 第 N 项. */
export function describeProfilePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '地方口径';
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `第 ${seg + 1} 项`;
      const s = String(seg);
      return (i === 0 ? SECTION_LABELS[s] : FIELD_LABELS[s]) ?? s;
    })
    .join(' › ');
}
