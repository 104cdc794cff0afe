/**
 * DB → view model of any form, from whichever record the clerk picked: a household, a case, a
 * meeting or a 公示. Resolves the record, checks it exists, and says which household (if any) the
 * generated file belongs to.
 */
import { DomainError, notFound, validationError, workflowRule } from '../../../../shared/domain/errors';
import { getCase, type CaseRecord } from '../../repos/cases';
import { householdMeetingIds, householdNoticeIds } from '../../repos/documentsRead';
import { getMeetingHeader } from '../../repos/meetings';
import { getNotice, noticesForCase } from '../../repos/notices';
import { FORM_KEYS, FORMS, type FormKey, type FormModels } from '../registry';
import type { MapContext } from './context';
import { eliminationModel, measuresModel, rejectionModel } from './eliminationForms';
import { loadHouseholdFacts, type HouseholdFacts } from './household';
import { applicationModel, approvalModel, incomeSheetModel, intakeModel } from './householdForms';
import { announcementModel, minutesModel, publicNoticeModel } from './meetingForms';

export type { MapContext } from './context';

export interface FormTarget {
  householdId?: string;
  caseId?: string;
  meetingId?: string;
  noticeId?: string;
}

export interface MappedForm<K extends FormKey = FormKey> {
  form: K;
  model: FormModels[K];
  /** the household whose 文书档案 lists the file; null for village-wide documents */
  householdId: string | null;
  /** for the caller's scope check */
  villageId: string;
  /** file name without extension, e.g. 「信息采集表-青山村-王大山」 */
  fileBase: string;
}

/** Short names for files (the printed titles are longer and some hold a slash). */
export const FILE_TITLES: Record<FormKey, string> = {
  application: '个人申请及承诺授权书',
  intake: '信息采集表',
  incomeSheet: '家庭收入核算表',
  minutes: '民主评议会议记录',
  publicNotice: '公示',
  announcement: '公告',
  approval: '识别审批表',
  measures: '帮扶措施落实情况表',
  eliminationAssessment: '风险消除评估表',
  rejectionNotice: '不予纳入告知书',
};

type HouseholdForm = 'application' | 'intake' | 'incomeSheet' | 'approval' | 'measures' | 'eliminationAssessment' | 'rejectionNotice';
const HOUSEHOLD_BUILDERS: { [K in HouseholdForm]: (ctx: MapContext, f: HouseholdFacts, c?: CaseRecord) => FormModels[K] } = {
  application: applicationModel,
  intake: intakeModel,
  incomeSheet: (ctx, f) => incomeSheetModel(ctx, f),
  approval: approvalModel,
  measures: measuresModel,
  eliminationAssessment: eliminationModel,
  rejectionNotice: rejectionModel,
};

export const isHouseholdForm = (form: FormKey): form is HouseholdForm => Object.hasOwn(HOUSEHOLD_BUILDERS, form);

function requireCase(ctx: MapContext, caseId: string): CaseRecord {
  const c = getCase(ctx.db, caseId);
  if (!c) throw notFound('该案件');
  return c;
}

function householdForm(ctx: MapContext, form: HouseholdForm, target: FormTarget, facts?: HouseholdFacts): MappedForm {
  const c = target.caseId ? requireCase(ctx, target.caseId) : undefined;
  const householdId = c?.householdId ?? target.householdId;
  if (!householdId) throw validationError([{ path: 'householdId', message: `生成「${FILE_TITLES[form]}」须选择一户农户。` }]);
  const f = facts ?? loadHouseholdFacts(ctx, householdId);
  const model = HOUSEHOLD_BUILDERS[form](ctx, f, c) as FormModels[FormKey];
  const base = `${FILE_TITLES[form]}-${f.place.village}-${f.household.headName}`;
  return { form, model, householdId, villageId: f.household.villageId, fileBase: base };
}

function meetingIdFor(ctx: MapContext, target: FormTarget): string {
  if (target.meetingId) return target.meetingId;
  if (target.caseId) {
    const d = (requireCase(ctx, target.caseId).state.steps as { deliberate?: { meetingId: string } }).deliberate;
    if (d) return d.meetingId;
    throw workflowRule('该案件还没有完成民主评议，没有会议记录可打印。');
  }
  const ids = target.householdId ? householdMeetingIds(ctx.db, target.householdId) : [];
  if (ids.length === 0) throw workflowRule(target.householdId ? '该户还没有参加过民主评议会议。' : '请选择一次评议会议。');
  return ids[ids.length - 1];
}

function noticeIdFor(ctx: MapContext, target: FormTarget): string {
  if (target.noticeId) return target.noticeId;
  const ids = target.caseId ? noticesForCase(ctx.db, target.caseId).map((n) => n.id) : target.householdId ? householdNoticeIds(ctx.db, target.householdId).reverse() : [];
  if (ids.length === 0) throw workflowRule(target.householdId || target.caseId ? '该户还没有列入任何公示。' : '请选择一次公示。');
  return ids[0];
}

/** The view model of `form` for the picked record. Throws a Chinese DomainError when it cannot be made. */
export function mapForm(ctx: MapContext, form: FormKey, target: FormTarget, facts?: HouseholdFacts): MappedForm {
  if (isHouseholdForm(form)) return householdForm(ctx, form, target, facts);
  const owner = target.householdId ?? (target.caseId ? requireCase(ctx, target.caseId).householdId : null);
  if (form === 'minutes') {
    const meetingId = meetingIdFor(ctx, target);
    const model = minutesModel(ctx, meetingId);
    const header = getMeetingHeader(ctx.db, meetingId)!;
    return { form, model, householdId: owner, villageId: header.villageId, fileBase: `${FILE_TITLES.minutes}-${header.villageName}-${header.date}` };
  }
  const noticeId = noticeIdFor(ctx, target);
  const model = form === 'publicNotice' ? publicNoticeModel(ctx, noticeId) : announcementModel(ctx, noticeId);
  const n = getNotice(ctx.db, noticeId)!;
  return { form, model, householdId: owner, villageId: n.villageId, fileBase: `${FILE_TITLES[form]}-${n.notice.title}` };
}

export interface Applicability {
  form: FormKey;
  title: string;
  available: boolean;
  reason?: string;
}

/** Every form for one household: which can be generated now, and why the others cannot. */
export function applicableForms(ctx: MapContext, householdId: string): Applicability[] {
  const facts = loadHouseholdFacts(ctx, householdId);
  return FORM_KEYS.map((form) => {
    try {
      mapForm(ctx, form, { householdId }, facts);
      return { form, title: FORMS[form].title, available: true };
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'permission') throw e;
      return { form, title: FORMS[form].title, available: false, reason: e.message };
    }
  });
}
