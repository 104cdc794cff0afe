// Seed option lists (DOMAIN.md §1–3, domain-sources.md §2.2). Labels follow the national export wording where
// it is known, so county templates and national-system exports bind to them; the rest are configurable analogs.
import type { Profile } from './profile';

type IncomeItem = Profile['income']['items'][number];

export const SEED_ENUMS: Profile['enums'] = {
  householdTypes: ['脱贫户', '一般农户'],
  householdFlags: [
    { key: 'noLabourCapacity', label: '整户无劳动能力兜底保障户' },
    { key: 'relocated', label: '易地扶贫搬迁户（居住在安置区）' },
    { key: 'militaryMartyr', label: '军烈属' },
    { key: 'nonAgriNoUrbanBenefit', label: '农转非未享受城镇待遇' },
  ],
  monitoringCategories: [
    { label: '脱贫不稳定户', forHouseholdTypes: ['脱贫户'] },
    { label: '边缘易致贫户', forHouseholdTypes: ['一般农户'] },
    { label: '突发严重困难户', forHouseholdTypes: [] },
  ],
  riskTypes: [
    { label: '因病', subTypes: [] },
    { label: '因残', subTypes: [] },
    { label: '因学', subTypes: [] },
    { label: '因灾', subTypes: ['洪涝灾害', '地质灾害', '旱灾', '生物灾害', '气象灾害', '地震灾害', '其他'] },
    { label: '因意外事故', subTypes: [] },
    { label: '因产业失败', subTypes: [] },
    { label: '因务工就业不稳', subTypes: [] },
    { label: '因缺劳动力', subTypes: [] },
    { label: '因安全饮水', subTypes: [] },
    // Likely national value by analogy with 因安全饮水 (domain-sources §2.2.1: unconfirmed).
    { label: '住房安全', subTypes: [] },
    { label: '其他', subTypes: [] },
  ],
  maxRisksPerHousehold: 5,
  relationsToHead: [
    '户主', '配偶', '之子', '之女', '之儿媳', '之女婿', '之孙子', '之孙女', '之外孙子', '之外孙女',
    '之父', '之母', '之岳父', '之岳母', '之公公', '之婆婆', '之祖父', '之祖母', '之兄弟姐妹', '其他',
  ],
  ethnicities: [
    '汉族', '壮族', '回族', '满族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '蒙古族', '侗族', '布依族',
    '瑶族', '白族', '朝鲜族', '哈尼族', '黎族', '哈萨克族', '傣族', '畲族', '其他',
  ],
  politicalStatuses: ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'],
  educationLevels: ['学龄前儿童', '文盲或半文盲', '小学', '初中', '高中', '中专（中职）', '大专（高职）', '本科', '研究生', '其他'],
  // Grade counts are the usual maxima; a 五四制 area sets 小学 5 / 初中 4, 医学本科 may need 5.
  schoolStages: [
    { key: 'preschool', label: '学前教育', grades: 3, compulsory: false },
    { key: 'primary', label: '小学', grades: 6, compulsory: true },
    { key: 'juniorHigh', label: '初中', grades: 3, compulsory: true },
    { key: 'seniorHigh', label: '普通高中', grades: 3, compulsory: false },
    { key: 'secondaryVocational', label: '中职', grades: 3, compulsory: false },
    { key: 'higherVocational', label: '高职', grades: 3, compulsory: false },
    { key: 'juniorCollege', label: '大专', grades: 3, compulsory: false },
    { key: 'undergraduate', label: '本科', grades: 5, compulsory: false },
    { key: 'graduate', label: '研究生', grades: 4, compulsory: false },
  ],
  outOfSchoolReasons: ['重度残疾（送教上门）', '重病无法就学', '已完成义务教育', '其他（须写明）'],
  healthStatuses: ['健康', '长期慢性病', '患有大病', '残疾'],
  disabilityGrades: ['一级', '二级', '三级', '四级'],
  labourSkills: [
    { label: '普通劳动力', capable: true },
    { label: '技能劳动力', capable: true },
    { label: '弱劳动力或半劳动力', capable: true },
    { label: '丧失劳动力', capable: false },
    { label: '无劳动力', capable: false },
  ],
  insuranceKinds: [
    { key: 'residentMedical', label: '城乡居民基本医疗保险' },
    { key: 'employeeMedical', label: '城镇职工基本医疗保险' },
    { key: 'seriousIllness', label: '大病保险' },
    { key: 'residentPension', label: '城乡居民基本养老保险' },
    { key: 'employeePension', label: '城镇职工基本养老保险' },
  ],
  householdStatusLabels: { normal: '正常', monitoring: '监测中', eliminated: '风险已消除', exited: '退出', cancelled: '注销' },
  measureCategories: [
    { key: 'industry', label: '产业帮扶', kind: 'development', items: ['种苗、化肥等物资帮扶', '产业奖补', '致富带头人、合作社、龙头企业带动', '乡村旅游', '入股分红', '消费帮扶', '小额信贷', '技术服务', '保底回购', '其他'] },
    { key: 'employment', label: '就业帮扶', kind: 'development', items: ['岗位信息推送', '技能培训', '劳务输出', '交通补助', '创业扶持', '其他'] },
    { key: 'finance', label: '金融帮扶', kind: 'development', items: ['脱贫人口小额信贷', '创业担保贷款贴息', '其他'] },
    { key: 'publicWelfareJob', label: '公益岗位帮扶', kind: 'development', items: ['保洁员', '护林员', '护路员', '管水员', '治安巡逻员', '其他'] },
    { key: 'health', label: '健康帮扶', kind: 'protection', items: ['城乡居民基本医疗保险个人缴费补贴', '医疗救助', '办理慢性病卡', '签约家庭医生', '住院医疗报销', '其他'] },
    { key: 'compulsoryEducation', label: '义务教育保障', kind: 'protection', items: ['控辍保学', '送教上门', '义务教育资助', '其他'] },
    { key: 'otherEducation', label: '其他教育帮扶', kind: 'protection', items: ['雨露计划', '助学贷款', '高中及以上资助', '其他'] },
    { key: 'socialSecurity', label: '综合保障', kind: 'protection', items: ['低保', '特困供养', '养老金', '临时救助', '残疾人补贴', '防贫保险', '赡养协议', '其他'] },
    { key: 'housing', label: '住房安全保障', kind: 'protection', items: ['危房改造', '农房抗震改造', '其他'] },
    { key: 'water', label: '饮水安全保障', kind: 'protection', items: ['集中供水入户', '打井或山泉引流', '水源点清淤维护', '其他'] },
    { key: 'social', label: '社会帮扶', kind: 'other', items: ['东西部协作', '定点帮扶', '社会捐赠', '其他'] },
    { key: 'relocation', label: '搬迁', kind: 'other', items: ['搬迁'] },
    { key: 'livingConditions', label: '生产生活条件改善', kind: 'other', items: ['其他'] },
    { key: 'infrastructure', label: '基础设施建设', kind: 'other', items: ['其他'] },
  ],
  priorityMeasures: [
    '优先安排帮扶干部',
    '优先安排产业扶贫项目',
    '优先安排教育培训（含就业帮扶）',
    '优先安排医疗救助',
    '优先安排住房保障',
    '优先安排饮水项目',
    '优先提升综合保障水平',
    '优先加强智志双扶',
  ],
  leadChannels: [
    { key: 'selfVillage', label: '农户自主申报-村委会', group: 'selfReport' },
    { key: 'selfApp', label: '农户自主申报-国家APP', group: 'selfReport' },
    { key: 'selfHotline', label: '农户自主申报-12317热线', group: 'selfReport' },
    { key: 'selfQrCode', label: '农户自主申报-一码申报', group: 'selfReport' },
    { key: 'cadreVisit', label: '干部排查', group: 'cadre' },
    { key: 'departmentWarning', label: '部门预警', group: 'department' },
    { key: 'inspection', label: '督查暗访', group: 'inspection' },
    { key: 'petition', label: '信访', group: 'petition' },
  ],
};

const item = (key: string, label: string, group: IncomeItem['group'], counted = true, note?: string): IncomeItem =>
  note === undefined ? { key, label, group, counted } : { key, label, group, counted, note };

const EXCLUDED = '种子口径不计入收入（专项或一次性款项）；本省如计入请改为计入';

/** The 收入核算表 lines (domain-sources §2.2.3). Excluded items are still listed so the clerk records them. */
export const SEED_INCOME_ITEMS: IncomeItem[] = [
  item('migrantWork', '务工收入', 'wage'),
  item('publicJobDept', '公益性岗位收入（行业部门）', 'wage'),
  item('publicJobTownship', '公益性岗位收入（乡镇）', 'wage'),
  item('publicJobVillage', '公益性岗位收入（村级）', 'wage'),
  item('otherWage', '其他工资性收入', 'wage'),
  item('planting', '种植业收入', 'business'),
  item('breeding', '养殖业收入', 'business'),
  item('forestryFruit', '林果业收入', 'business'),
  item('otherBusiness', '其他生产经营性收入', 'business'),
  item('plantingCost', '种植业支出', 'businessCost'),
  item('breedingCost', '养殖业支出', 'businessCost'),
  item('forestryFruitCost', '林果业支出', 'businessCost'),
  item('otherBusinessCost', '其他生产经营性支出', 'businessCost'),
  item('assetDividend', '资产收益扶贫分红收入', 'property'),
  item('landTransfer', '土地流转收入', 'property'),
  item('otherProperty', '其他财产性收入', 'property'),
  item('pension', '养老金或离退休金', 'transfer'),
  item('familyPlanning', '计划生育金', 'transfer'),
  item('dibao', '最低生活保障金', 'transfer'),
  item('tekun', '特困人员救助供养金', 'transfer'),
  item('grainForGreen', '生态补偿金-退耕还林补贴', 'transfer'),
  item('publicForest', '生态补偿金-公益林补贴', 'transfer'),
  item('grasslandEco', '生态补偿金-草原生态奖补', 'transfer'),
  item('otherEco', '生态补偿金-其他', 'transfer'),
  item('farmlandSubsidy', '耕地地力保护补贴（地力补贴）', 'transfer'),
  item('plantingSubsidy', '种植补贴（玉米大豆等）', 'transfer'),
  item('elderlySubsidy', '高龄补贴', 'transfer'),
  item('disabilitySubsidy', '残疾人补贴', 'transfer'),
  item('preferentialCare', '优抚金', 'transfer'),
  item('alimony', '赡养费', 'transfer'),
  item('povertyInsurance', '防贫保险赔付', 'transfer'),
  item('otherTransfer', '其他转移性收入', 'transfer'),
  item('disasterRelief', '救灾款', 'transfer', false, EXCLUDED),
  item('oneOffRelief', '慰问金及一次性临时救助', 'transfer', false, EXCLUDED),
  item('housingRenovationGrant', '危房改造补助', 'transfer', false, EXCLUDED),
  item('relocationGrant', '易地搬迁补助', 'transfer', false, EXCLUDED),
  item('medicalReimbursement', '医疗报销及大病救助', 'transfer', false, EXCLUDED),
  item('educationAid', '教育资助（雨露计划等）', 'transfer', false, EXCLUDED),
  item('microcreditPrincipal', '小额信贷本金', 'transfer', false, '借款不是收入，不计入'),
  // 理赔收入 and 合规自付支出: the DOMAIN formula uses only the four income groups − 生产经营性支出, so claims are
  // recorded but not counted and self-paid spending is deducted only when income.deductSelfPaidMedical is on.
  item('insuranceClaims', '理赔收入', 'claims', false, '种子口径不计入；本省如计入请改为计入'),
  item('selfPaidMedical', '合规自付医疗支出', 'selfPaid'),
  item('otherSelfPaid', '其他合规自付支出', 'selfPaid'),
];
