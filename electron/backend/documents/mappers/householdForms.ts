/**
 * Internal household forms: 个人申请及承诺授权书, 信息采集表, 收入核算表, 识别审批表. They print IDs and
 * phones in full (masked only when the clerk asks, MapContext.masked).
 */
import { workflowRule } from '../../../../shared/domain/errors';
import type { CaseRecord } from '../../repos/cases';
import { getLead } from '../../repos/leads';
import { householdLeadIds } from '../../repos/documentsRead';
import type { ApplicationFormVM, ApprovalFormVM, IncomeSheetVM, IntakeFormVM } from '../model';
import { countyOpinion, householdMarkAtVerify, postingPeriod, proposalAtMeeting, stepsOf, townshipOpinion, verifiersOf, voteSummary } from './caseBlocks';
import { markSignature, monthOf, officeFor, type MapContext } from './context';
import { assuranceVM, casesOfKind, currentRisks, helperCadres, householdVM, membersVM, type HouseholdFacts } from './household';
import { incomeVM } from './income';

export function requireIncome(f: HouseholdFacts) {
  if (!f.account) throw workflowRule(`户主「${f.household.headName}」还没有收入核算，请先在「收入核算」中为该户算账，再生成此表。`);
  return f.account;
}

/** The identification case a form is about: the given one, else the household's latest. */
export function identificationCase(f: HouseholdFacts, given?: CaseRecord): CaseRecord | undefined {
  if (given) return given.kind === 'identification' ? given : undefined;
  return casesOfKind(f, 'identification')[0];
}

/** 生产生活条件 printed on the 采集表 (only what the register holds). */
function livingConditions(f: HouseholdFacts): Record<string, string> {
  const h = f.household;
  const out: Record<string, string> = {};
  if (h.farmlandMu !== null) out['耕地面积（亩）'] = String(h.farmlandMu);
  if (h.forestMu !== null) out['林地面积（亩）'] = String(h.forestMu);
  if (h.grainForGreenMu !== null) out['退耕还林面积（亩）'] = String(h.grainForGreenMu);
  if (h.housingAreaM2 !== null) out['住房面积（平方米）'] = String(h.housingAreaM2);
  if (h.dangerousHouseGrade) out['是否危房户'] = ['C', 'D'].includes(h.dangerousHouseGrade) ? `是（${h.dangerousHouseGrade}级）` : `否（${h.dangerousHouseGrade}级）`;
  return out;
}

export function intakeModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): IntakeFormVM {
  const c = given ?? f.cases[0];
  const verify = stepsOf(c).verify;
  const conditions = livingConditions(f);
  return {
    office: officeFor(ctx, f.household.villageId),
    户: householdVM(ctx, f),
    成员: membersVM(ctx, f),
    收入: incomeVM(requireIncome(f)),
    保障: assuranceVM(f.assessment),
    风险: currentRisks(f),
    ...(f.household.category ? { 监测对象类别: f.household.category } : {}),
    ...(f.household.monitoredSince ? { 识别监测时间: monthOf(f.household.monitoredSince) } : {}),
    ...(Object.keys(conditions).length > 0 ? { 生产生活条件: conditions } : {}),
    帮扶责任人: helperCadres(ctx, f),
    核实人: verifiersOf(c),
    填表人: ctx.userName,
    户主签字: householdMarkAtVerify(ctx, c),
    ...(verify ? { 填表日期: verify.date } : {}),
  };
}

const countMembers = (f: HouseholdFacts, test: (m: HouseholdFacts['household']['members'][number]) => boolean) => f.household.members.filter(test).length;

/** The lead the identification came from (风险说明 = what the household reported). */
function leadSummary(ctx: MapContext, f: HouseholdFacts, c: CaseRecord | undefined): string | undefined {
  const leadId = c?.leadId ?? householdLeadIds(ctx.db, f.household.id)[0];
  return leadId ? getLead(ctx.db, leadId)?.summary : undefined;
}

export function applicationModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): ApplicationFormVM {
  const c = identificationCase(f, given);
  const apply = (stepsOf(c) as { apply?: { date: string; receivedBy: string; mark: { medium: 'pad' | 'paper'; imageRef?: string }; proxyFiller?: { name: string; relation: string } } }).apply;
  const date = apply?.date ?? ctx.today;
  // The household states its own income on the application; print our 核算 only if it predates it.
  const income = f.account && f.account.accountedOn <= date ? f.account.netIncomeFen : undefined;
  const members = membersVM(ctx, f);
  const summary = leadSummary(ctx, f, c);
  return {
    office: officeFor(ctx, f.household.villageId),
    申请类型: c?.remark ? '风险再标注' : '新申请',
    申请日期: date,
    户: householdVM(ctx, f),
    成员: members,
    劳动力人数: householdVM(ctx, f).劳动力人数 ?? 0,
    在校生人数: countMembers(f, (m) => Boolean(m.schoolStage)),
    残疾人数: countMembers(f, (m) => m.health === '残疾' || Boolean(m.disabilityGrade)),
    慢性病患者数: countMembers(f, (m) => m.health === '长期慢性病'),
    重症患者数: countMembers(f, (m) => m.health === '患有大病'),
    // absent → the builder prints a blank for the household to fill in
    近12个月家庭年收入: income as number,
    风险: currentRisks(f),
    ...(summary ? { 风险说明: summary } : {}),
    申请人签字: markSignature(ctx, apply?.mark),
    ...(apply?.proxyFiller ? { 代填人: { 姓名: apply.proxyFiller.name, 与申请人关系: apply.proxyFiller.relation } } : {}),
    ...(apply ? { 受理人: apply.receivedBy, 受理日期: apply.date } : {}),
  };
}

export function incomeSheetModel(ctx: MapContext, f: HouseholdFacts): IncomeSheetVM {
  const a = requireIncome(f);
  const h = householdVM(ctx, f);
  return {
    office: officeFor(ctx, f.household.villageId),
    户: { ...(h.户编号 ? { 户编号: h.户编号 } : {}), 村民小组: h.村民小组, 户主姓名: h.户主姓名, 家庭人口数: a.divisor },
    收入: incomeVM(a),
    核算人: a.accountant ? [{ 姓名: a.accountant }] : [],
    核算日期: a.accountedOn,
  };
}

/** 发现途径 from the lead's channel group (forms.md §4.2: 农户自主申报 / 基层干部排查 / 部门筛查预警). */
function discoveryRoute(ctx: MapContext, c: CaseRecord): string {
  const lead = c.leadId ? getLead(ctx.db, c.leadId) : undefined;
  const channel = lead ? ctx.profile.enums.leadChannels.find((ch) => ch.key === lead.channel) : undefined;
  const byGroup: Record<string, string> = { selfReport: '农户自主申报', cadre: '基层干部排查', department: '部门筛查预警' };
  if (!channel) return '农户自主申报';
  return byGroup[channel.group] ?? channel.label;
}

export function approvalModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): ApprovalFormVM {
  const c = identificationCase(f, given);
  if (!c) throw workflowRule(`户主「${f.household.headName}」没有识别纳入案件，不能生成识别审批表。请先在「识别纳入」中发起案件。`);
  const steps = stepsOf(c);
  const decision = steps.countyDecision as { category?: string; risks?: string[] } | undefined;
  const votes = voteSummary(ctx, c);
  const posting = postingPeriod(ctx, c);
  const township = townshipOpinion(c);
  const county = countyOpinion(c);
  return {
    office: officeFor(ctx, f.household.villageId),
    户: householdVM(ctx, f),
    成员: membersVM(ctx, f),
    收入: incomeVM(requireIncome(f)),
    发现途径: discoveryRoute(ctx, c),
    风险: decision?.risks ?? currentRisks(f),
    保障: assuranceVM(f.assessment),
    监测对象类别: decision?.category ?? proposalAtMeeting(ctx, c) ?? f.household.category ?? '',
    入户核实: { ...(steps.verify ? { 日期: steps.verify.date } : {}), 核实人: verifiersOf(c) },
    // 部门数据比对 is recorded by another area (not yet landed): the boxes stay unticked for a pen
    信息比对: { 有异常: null },
    ...(votes ? { 民主评议: votes } : {}),
    ...(posting ? { 村内公示: posting } : {}),
    ...(township ? { 乡镇意见: township } : {}),
    ...(county ? { 县意见: county } : {}),
    ...(steps.countyDecision?.systemEntryDate ? { 录入日期: steps.countyDecision.systemEntryDate } : {}),
    ...(steps.countyDecision?.announcementDate ? { 公告日期: steps.countyDecision.announcementDate } : {}),
  };
}
