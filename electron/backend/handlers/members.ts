import type { ParsedInput } from '../../../shared/api/contract';
import type { MemberRow, SavedView } from '../../../shared/api/methods/members';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { validationError } from '../../../shared/domain/errors';
import { ageOn, maskIdNumber, maskPhone } from '../../../shared/domain/idCard';
import { birthBoundsForAges } from '../../../shared/domain/memberAge';
import { gradeUnconfirmed, schoolYearOf } from '../../../shared/domain/schoolYear';
import type { HandlerContext } from '../context';
import { listMembers, type MemberListRow } from '../repos/memberList';
import { getSetting, putSetting } from '../repos/settings';
import { advanceSchoolYear, previewSchoolYear } from '../registers/schoolYear';
import type { HandlerTable } from './types';

const MAX_VIEWS = 20;

function listRegister(ctx: HandlerContext, input: ParsedInput<'members.list'>) {
  const f = input.filter;
  if (f.ageFrom !== undefined && f.ageTo !== undefined && f.ageFrom > f.ageTo) {
    throw validationError([{ path: 'filter.ageTo', message: `「截止年龄」（${f.ageTo} 岁）不能小于「起始年龄」（${f.ageFrom} 岁）。` }]);
  }
  if (f.villageId) ctx.assertVillageInScope(f.villageId);
  const today = chinaDate(ctx.now());
  const { ageFrom, ageTo, gradeUnconfirmed: onlyUnconfirmed, ...rest } = f;
  const query = { ...rest, ...birthBoundsForAges(today, ageFrom, ageTo), unconfirmedFor: onlyUnconfirmed ? String(schoolYearOf(today)) : undefined };
  const page = listMembers(ctx.db, query, input.sort, input.startRow, input.endRow, ctx.user().scope, input.withTotal);
  const full = ctx.can('pii.full');
  const privacy = ctx.profile().privacy;
  return { total: page.total, rows: page.rows.map((m) => toRow(m, today, full, privacy)) };
}

function toRow(m: MemberListRow, today: string, full: boolean, privacy: { idMaskPattern: { keepStart: number; keepEnd: number; maskChar: string }; phoneMask: { keepStart: number; keepEnd: number; maskChar: string } }): MemberRow {
  return {
    id: m.id,
    householdId: m.householdId,
    name: m.name,
    sex: m.sex,
    birthDate: m.birthDate,
    age: m.birthDate ? ageOn(m.birthDate, today) : null,
    // Masked in the backend, not only on screen: a viewer's client never receives the full number.
    idNumber: m.idNumber ? (full ? m.idNumber : maskIdNumber(m.idNumber, privacy.idMaskPattern)) : null,
    relation: m.relation,
    headName: m.headName,
    villageName: m.villageName,
    groupName: m.groupName,
    householdType: m.householdType,
    householdStatus: m.householdStatus,
    householdColour: m.householdColour,
    ethnicity: m.ethnicity,
    education: m.education,
    schoolStage: m.schoolStage,
    schoolGrade: m.schoolGrade,
    schoolYearConfirmed: m.schoolYearConfirmed,
    gradeUnconfirmed: gradeUnconfirmed(m, today),
    health: m.health,
    disabilityGrade: m.disabilityGrade,
    labourSkill: m.labourSkill,
    workPlace: m.workPlace,
    workMonths: m.workMonths,
    publicWelfareJobMonths: m.publicWelfareJobMonths,
    insuredMedical: m.insuredMedical,
    dibao: m.dibao,
    tekun: m.tekun,
    phone: m.phone && !full ? maskPhone(m.phone, privacy.phoneMask) : m.phone,
    leftAt: m.leftAt,
    leftReason: m.leftReason,
  };
}

// Saved register views are personal: one settings row per user and register.
const viewsKey = (ctx: HandlerContext, register: string) => `views.${register}.${ctx.user().userId}`;
const readViews = (ctx: HandlerContext, register: string): SavedView[] => getSetting<SavedView[]>(ctx.db, viewsKey(ctx, register)) ?? [];

function storeViews(ctx: HandlerContext, register: string, views: SavedView[], summary: string): { views: SavedView[] } {
  const key = viewsKey(ctx, register);
  putSetting(ctx.db, key, views, ctx.nowIso(), ctx.user().username);
  ctx.audit({ action: 'update', entity: 'settings', entityId: key, summary });
  ctx.change('settings', key, 1, 'upsert', views);
  return { views };
}

const REGISTER_NAMES: Record<string, string> = { households: '户籍名册', members: '人员名册' };

export const membersHandlers: HandlerTable = {
  'members.list': (ctx, input) => listRegister(ctx, input),

  'members.previewSchoolYear': (ctx, { villageId }) => previewSchoolYear(ctx, villageId),

  'members.advanceSchoolYear': (ctx, input) => advanceSchoolYear(ctx, input),

  'views.list': (ctx, { register }) => ({ views: readViews(ctx, register) }),

  'views.save': (ctx, { register, ...view }) => {
    const views = readViews(ctx, register);
    const others = views.filter((v) => v.name !== view.name);
    if (others.length >= MAX_VIEWS) throw validationError([{ path: 'name', message: `每个名册最多保存 ${MAX_VIEWS} 个视图，请先删除不用的视图。` }]);
    const saved: SavedView = { name: view.name, filter: view.filter, columns: view.columns, sort: view.sort, savedAt: ctx.nowIso() };
    const next = views.some((v) => v.name === view.name) ? views.map((v) => (v.name === view.name ? saved : v)) : [...views, saved];
    return storeViews(ctx, register, next, `保存${REGISTER_NAMES[register]}视图「${view.name}」`);
  },

  'views.delete': (ctx, { register, name }) => {
    const views = readViews(ctx, register);
    if (!views.some((v) => v.name === name)) throw validationError([{ path: 'name', message: `没有名为「${name}」的视图，请刷新。` }]);
    return storeViews(ctx, register, views.filter((v) => v.name !== name), `删除${REGISTER_NAMES[register]}视图「${name}」`);
  },
};
