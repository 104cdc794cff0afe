// The seed 地方口径: the county procedure in shared/seed/ (DOMAIN.md), used when an office has set nothing else.
import type { Profile } from './profile';
import { SEED_ENUMS, SEED_INCOME_ITEMS } from './profileSeedLists';

const yuan = (n: number): number => Math.round(n * 100);

/** Frozen so no caller can change the defaults for everyone by mutating a shared object. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Income lines. The seed text says only "XX 省收入监测范围(XX 年为 XX 元)", so these are EXAMPLES an office must
 * replace with its own notice:
 * - 国家扶贫标准: 2010 年不变价 2,300 元, about 4,000 元 at 2020 prices (国家统计局); no later national figure is
 *   published, so 4,000 元 is carried forward as the example.
 * - 监测范围: 8,600 元 is 兰州新区 (Gansu) 2025 (甘农领办发〔2025〕4号, published 2025-04-09, domain-sources [S16]).
 *   No 2026 line was found (the new term is 认定标准), so 2026 repeats it until the province publishes one.
 */
const SEED_LINES: Profile['income']['lines'] = [
  { year: 2025, povertyLineFen: yuan(4000), monitoringLineFen: yuan(8600), source: '示例：甘肃兰州新区 2025 年监测范围（甘农领办发〔2025〕4号）' },
  { year: 2026, povertyLineFen: yuan(4000), monitoringLineFen: yuan(8600), source: '示例：沿用 2025 年甘肃示例值，请按本省 2026 年认定标准修改' },
];

/**
 * The seed's 红橙黄蓝 four-colour system (DOMAIN §4, seed "红、橙、黄、蓝四类对象"). First match wins:
 * red and orange are checked before yellow so a household with both a basic-needs failure and a latent risk is red.
 * The yellow threshold "住院治疗自费部分超过一定额度" is unquantified in the seed; 5,000 元 follows the
 * department-warning threshold for 脱贫人口 (DOMAIN §6) as an example.
 */
export const SEED_GRADING: Profile['grading'] = {
  colourLabels: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
  rules: [
    {
      colour: 'red',
      label: '红色：人均纯收入低于国家扶贫标准，或两不愁三保障（含饮水安全）未达标（已返贫致贫，立即临时救助）',
      when: { any: [{ incomeBelow: 'poverty' }, { checkFailed: 'anyBasic' }] },
    },
    {
      colour: 'orange',
      label: '橙色：人均纯收入低于监测范围且存在返贫致贫风险',
      when: { all: [{ incomeBelow: 'monitoring' }, { hasRisk: true }] },
    },
    {
      colour: 'orange',
      label: '橙色：突发严重困难户（刚性支出较大或收入大幅缩减）',
      when: { category: '突发严重困难户' },
    },
    {
      colour: 'orange',
      label: '橙色：风险未消除的脱贫不稳定户、边缘易致贫户',
      when: { all: [{ category: ['脱贫不稳定户', '边缘易致贫户'] }, { riskEliminated: false }] },
    },
    {
      colour: 'yellow',
      label: '黄色：收入超过监测范围，但存在返贫致贫风险隐患，需长期关注',
      when: { all: [{ incomeAtOrAbove: 'monitoring' }, { hasRisk: true }] },
    },
    {
      colour: 'yellow',
      label: '黄色：收入超过监测范围，但住院等合规自付医疗支出超过 5,000 元，家庭负担较重',
      when: { all: [{ incomeAtOrAbove: 'monitoring' }, { selfPaidMedicalAboveFen: yuan(5000) }] },
    },
    {
      colour: 'blue',
      label: '蓝色：收入稳定超过监测范围，两不愁三保障均达标',
      when: { all: [{ incomeAtOrAbove: 'monitoring' }, { checksAllPassed: true }, { hasRisk: false }] },
    },
  ],
  defaultColour: 'yellow',
  defaultLabel: '无法判定（收入未核算或“两不愁三保障”未逐项评估），暂按黄色关注，请补齐后重新评级',
};

/**
 * The seed's other office (its workflow chart): 蓝 = 低风险 (镇村持续跟踪), 黄 = 中风险 (录入系统, 制定帮扶计划),
 * 红 = 高风险 (即刻临时救助). Orange is unused. Select it by copying into profile.grading.
 */
export const ALT_GRADING_LOW_MEDIUM_HIGH: Profile['grading'] = deepFreeze<Profile['grading']>({
  colourLabels: { red: '红色（高风险）', orange: '橙色（未使用）', yellow: '黄色（中风险）', blue: '蓝色（低风险）' },
  rules: [
    {
      colour: 'red',
      label: '高风险：收入低于国家扶贫标准、两不愁三保障未达标或突发严重困难',
      when: { any: [{ incomeBelow: 'poverty' }, { checkFailed: 'anyBasic' }, { category: '突发严重困难户' }] },
    },
    {
      colour: 'yellow',
      label: '中风险：收入低于监测范围，或存在返贫致贫风险',
      when: { any: [{ incomeBelow: 'monitoring' }, { hasRisk: true }] },
    },
  ],
  defaultColour: 'blue',
  defaultLabel: '低风险：未发现返贫致贫风险，镇村持续跟踪关注',
});

export const SEED_PROFILE: Profile = deepFreeze<Profile>({
  office: { profileName: '种子默认口径', profileVersion: '2026.1', basis: '', province: '', city: '', county: '', township: '' },
  enums: SEED_ENUMS,
  income: {
    window: 'rolling12',
    calendarYearCurrentFromMonth: 11,
    lines: SEED_LINES,
    items: SEED_INCOME_ITEMS,
    deductSelfPaidMedical: false,
    warnKeys: {
      farmlandSubsidy: ['farmlandSubsidy'],
      ecoCompensation: ['grainForGreen', 'publicForest', 'grasslandEco', 'otherEco'],
      publicWelfareJob: ['publicJobDept', 'publicJobTownship', 'publicJobVillage'],
    },
  },
  grading: SEED_GRADING,
  assessment: {
    compulsoryAgeFrom: 6,
    compulsoryAgeTo: 16,
    housingFailGrades: ['C', 'D'],
    requireNoteOnFail: true,
    failedCheckRisks: { water: '因安全饮水', housing: '住房安全' },
  },
  procedure: {
    leadContactHours: 48,
    publicNoticeDays: 7,
    publicNoticeDayKind: 'calendar',
    // Examples that fit the 15-working-day whole limit with a 7-day (≈5 working days) 公示.
    stepWorkingDays: { verify: 2, deliberate: 2, townshipReview: 2, countyDecision: 3 },
    wholeProcedureWorkingDays: 15,
    minVerifiers: 2,
    eliminationMinMonths: 6,
    greenChannelWorkingDays: 15,
    greenChannelColours: ['red'],
    localHolidays: [],
    localWorkdays: [],
    rejectionNoticeRequired: false,
    rejectionNoticeWorkingDays: 5,
    // Village steps are usually recorded by the township clerk from the village's paper, so clerks hold
    // cases.village too (permissions.ts); 县级审定 in a township install is recorded from the county's reply.
    actionPermissions: {
      apply: ['cases.village'],
      propose: ['cases.village'],
      verify: ['cases.village'],
      deliberate: ['cases.village'],
      notice: ['cases.village'],
      townshipReview: ['cases.township'],
      countyDecision: ['cases.county'],
      lead: ['cases.village'],
      revert: ['cases.county'],
      greenChannel: ['cases.township'],
      withdraw: ['cases.township'],
      override: ['cases.override'],
    },
  },
  assistance: {
    followUpCadence: 'monthly',
    followUpDueDay: null,
    escalationMonths: 3,
    measureDueMonths: 1,
    quarterlyReportDueDay: 5,
    rules: {
      developmentMeasureForLabourCapable: true,
      flagWeakMeasuresOnly: true,
      weakMeasureItems: ['其他', '技能培训'],
      noEliminationWithoutLabour: true,
      riskMeasures: [
        { risk: '因病', anyOfCategories: ['health', 'social', 'socialSecurity'] },
        { risk: '因学', anyOfCategories: ['compulsoryEducation', 'otherEducation', 'social'] },
        { risk: '因安全饮水', anyOfCategories: ['water'] },
        { risk: '住房安全', anyOfCategories: ['housing'] },
      ],
    },
  },
  warnings: { selfPaidMedicalPovertyFen: yuan(5000), selfPaidMedicalOtherFen: yuan(20000), responseHours: 48 },
  privacy: {
    idMaskPattern: { keepStart: 4, keepEnd: 4, maskChar: '*' },
    phoneMask: { keepStart: 3, keepEnd: 4, maskChar: '*' },
    publicDocumentKinds: ['publicNotice', 'announcement', 'measuresPosting'],
    publicForbiddenFields: ['idNumber', 'phone', 'bankAccount', 'healthStatus'],
    maskOutgoingExports: true,
    noticeShowsRisks: false,
  },
  security: { lockoutAttempts: 5, lockoutMinutes: 15, idleMinutes: 15, passwordMinLength: 8, passwordMinClasses: 3 },
  documents: {
    marginsCm: { top: 2.54, bottom: 2.54, left: 3.17, right: 3.17 },
    fonts: { title: '方正小标宋简体', titleFallback: '宋体', body: '仿宋_GB2312', bodyFallback: '仿宋' },
    sizesPt: { title: 22, body: 16, table: 14 },
  },
});
