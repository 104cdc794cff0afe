// One township built through the API the way clerks build it: a household 王大山 with an ill head, a
// pupil and a C-grade house — 收入核算, 三保障评估 (graded twice: Q3 yellow, Q4 orange), a paired cadre,
// measures, and a 识别纳入 case walked from 申请 (pad signature) to 县级审定 纳入, through signed minutes
// and a 公示; a second household whose lead was closed as not eligible (不予纳入); a third only graded.
import { makeIdNumber } from '../../../shared/domain/idCard';
import { seedVillage, type TestBackend } from '../../support/backend';
import { advance, saveMeeting, signAll } from '../procedures/helpers';
import { signaturePng } from '../documents/png';

export const HEAD = '王大山';
export const HEAD_ID = makeIdNumber('430626', '19680312', '031');
export const SPOUSE_ID = makeIdNumber('430626', '19700701', '042');
export const CHILD_ID = makeIdNumber('430626', '20160901', '066');
export const HEAD_PHONE = '13807311234';
export const SPOUSE_PHONE = '13912345678';
export const CADRE_PHONE = '13574001234';
export const REJECTED = '张小花';
export const REJECTED_ID = makeIdNumber('430626', '19800101', '011');
export const THIRD = '刘三';
export const THIRD_ID = makeIdNumber('430626', '19750505', '021');
export const THIRD_SPOUSE_ID = makeIdNumber('430626', '19760606', '022');

export const yuan = (n: number) => Math.round(n * 100);
const pass = (note = '') => ({ pass: true, note });
const WATER = { quantity: true, quality: true, convenience: true };

export interface Scenario {
  villageId: string;
  groupIds: string[];
  householdId: string;
  rejectedId: string;
  thirdId: string;
  caseId: string;
  meetingId: string;
  noticeId: string;
  signatureFileId: string;
}

/** A signature PNG stored the way the pad's upload would be (kind 'signature'). */
export function storeSignature(t: TestBackend, seed: number): string {
  const s = t.backend.services;
  return s.files.put(signaturePng(240, 80, seed), { originalName: '签名.png', kind: 'signature', at: s.clock.now().toISOString() }).id;
}

async function buildHousehold(t: TestBackend, villageId: string, groupId: string): Promise<string> {
  const h = await t.call('households.save', {
    villageId,
    groupId,
    householdType: '一般农户',
    phone: HEAD_PHONE,
    address: '青山镇青山村一组18号',
    farmlandMu: 4,
    dangerousHouseGrade: 'C',
    members: [
      { name: HEAD, idNumber: HEAD_ID, relation: '户主', labourSkill: '弱劳动力或半劳动力', health: '长期慢性病', insuredMedical: true, phone: HEAD_PHONE },
      { name: '李秀英', idNumber: SPOUSE_ID, relation: '配偶', labourSkill: '丧失劳动力', health: '患有大病', insuredMedical: true, phone: SPOUSE_PHONE },
      { name: '王小明', idNumber: CHILD_ID, relation: '之子', labourSkill: '无劳动力', health: '健康', schoolStage: 'primary', schoolGrade: 5, insuredMedical: true },
    ],
  });
  await t.call('income.save', {
    householdId: h.id,
    date: '2026-11-20',
    accountant: '王会计',
    items: [
      { key: 'migrantWork', amountFen: yuan(9000), note: '户主零工' },
      { key: 'publicJobVillage', amountFen: yuan(3600), note: '护林员' },
      { key: 'planting', amountFen: yuan(5000), note: '水稻4亩' },
      { key: 'farmlandSubsidy', amountFen: yuan(412.5) },
      { key: 'plantingCost', amountFen: yuan(1800) },
      { key: 'selfPaidMedical', amountFen: yuan(12500), note: '配偶住院自付' },
    ],
  });
  const items = { food: pass(), clothing: pass(), education: pass(), medical: pass(), water: pass() };
  await t.call('assessments.save', { householdId: h.id, date: '2026-09-10', assessor: '赵干部', items: { ...items, housing: pass('B级') }, water: WATER, risks: [] });
  await t.call('assessments.save', { householdId: h.id, date: '2026-11-25', assessor: '赵干部', items: { ...items, housing: { pass: false, note: 'C级危房' } }, water: WATER, risks: [{ type: '因病' }, { type: '住房安全' }] });
  const cadre = await t.call('cadres.save', { name: '周建军', unit: '平江县农业农村局', phone: CADRE_PHONE });
  await t.call('cadres.assign', { cadreId: cadre.id, householdId: h.id, startDate: '2026-11-01' });
  await t.call('measures.save', { householdId: h.id, category: 'health', item: '办理慢性病卡', content: '为户主办理慢性病卡', status: 'implemented', actualStart: '2026-11-10', responsibleUnit: '镇卫生院' });
  await t.call('measures.save', { householdId: h.id, category: 'publicWelfareJob', item: '护林员', content: '安排户主任护林员', status: 'implemented', actualStart: '2026-11-05', amountFen: yuan(3600), effect: '月增收300元', responsiblePerson: '周建军' });
  return h.id;
}

/** 识别纳入 from 申请 to 县级审定; returns the case, meeting and notice ids. */
async function identify(t: TestBackend, villageId: string, householdId: string) {
  let c = await t.call('cases.open', { householdId, kind: 'identification' });
  const applicant = storeSignature(t, 4);
  c = await advance(t, c, 'apply', { date: '2026-11-29', applicantName: HEAD, receivedBy: '村委会 李会计', commitment: true, authorisation: true, mark: { signed: true, fingerprint: true, medium: 'pad', imageRef: applicant } });
  c = await advance(t, c, 'verify', { date: '2026-11-29', verifiers: [{ name: '赵镇干' }, { name: '钱驻村', unit: '驻村工作队' }], findings: '户主慢性病、配偶大病住院，住房C级危房。', householdMark: { signed: true, fingerprint: false, medium: 'pad', imageRef: storeSignature(t, 5) } });
  const meeting = await signAll(t, await saveMeeting(t, villageId, '2026-11-29', [{ caseId: c.id, proposal: '边缘易致贫户' }]));
  c = await advance(t, c, 'deliberate', { meetingId: meeting.id });
  const notice = await t.call('notices.create', { meetingId: meeting.id, kind: 'identification', postedOn: '2026-11-29', place: '村委会公示栏', objectionContact: '青山村委会 0730-6123456' });
  t.clock.set('2026-12-07T02:00:00.000Z');
  c = await advance(t, c, 'notice', { noticeId: notice.id });
  c = await advance(t, c, 'townshipReview', { decision: 'pass', date: '2026-12-07', reviewer: '孙审核', opinion: '程序规范，同意纳入。' });
  c = await advance(t, c, 'countyDecision', { decision: 'approve', date: '2026-12-07', category: '边缘易致贫户', risks: ['因病', '住房安全'], docNumber: '平振〔2026〕9号' });
  return { caseId: c.id, meetingId: meeting.id, noticeId: notice.id, applicant };
}

async function rejectedHousehold(t: TestBackend, villageId: string, groupId: string): Promise<string> {
  const lead = await t.call('leads.create', {
    newHousehold: { villageId, groupId, householdType: '一般农户', members: [{ name: REJECTED, idNumber: REJECTED_ID, relation: '户主', labourSkill: '普通劳动力' }] },
    channel: 'departmentWarning',
    reporter: '县医保局',
    receivedAt: '2026-11-28T09:00:00+08:00',
    summary: '=HYPERLINK("http://x","住院自付超标")',
  });
  await t.call('leads.resolve', {
    leadId: lead.id,
    contact: { contactedAt: '2026-11-28T15:00:00+08:00', contactedBy: '村书记', siteVisited: true, findings: '已报销，收入稳定。' },
    outcome: { kind: 'notEligible', date: '2026-11-28', reason: '家庭人均纯收入明显高于监测范围，无返贫致贫风险。', explained: true },
  });
  return lead.householdId;
}

async function thirdHousehold(t: TestBackend, villageId: string, groupId: string): Promise<string> {
  const h = await t.call('households.save', {
    villageId,
    groupId,
    householdType: '脱贫户',
    members: [
      { name: THIRD, idNumber: THIRD_ID, relation: '户主', labourSkill: '普通劳动力' },
      { name: '刘妻', idNumber: THIRD_SPOUSE_ID, relation: '配偶', labourSkill: '普通劳动力' },
    ],
  });
  const all = { food: pass(), clothing: pass(), education: pass(), medical: pass(), housing: pass(), water: pass() };
  await t.call('assessments.save', { householdId: h.id, date: '2026-10-15', assessor: '赵干部', items: all, water: WATER, risks: [] });
  await t.call('measures.save', { householdId: h.id, category: 'industry', item: '产业奖补', content: '=1+1 养鸡补贴', status: 'implemented', actualStart: '2026-10-20' });
  return h.id;
}

export async function buildScenario(t: TestBackend): Promise<Scenario> {
  await t.call('settings.saveOffice', { county: '平江县', township: '青山镇' });
  const { villageId, groupIds } = await seedVillage(t);
  const householdId = await buildHousehold(t, villageId, groupIds[0]);
  const rejectedId = await rejectedHousehold(t, villageId, groupIds[1]);
  const thirdId = await thirdHousehold(t, villageId, groupIds[1]);
  const ids = await identify(t, villageId, householdId);
  return { villageId, groupIds, householdId, rejectedId, thirdId, caseId: ids.caseId, meetingId: ids.meetingId, noticeId: ids.noticeId, signatureFileId: ids.applicant };
}

/** The bytes of a stored file. */
export const fileBytes = (t: TestBackend, fileId: string): Buffer => t.backend.services.files.read(fileId);
