import type { NoticeDetail, NoticeRow } from '../../../shared/api/methods/notices';
import { chinaDateOf, compareDates, dueStatus } from '../../../shared/domain/deadlines';
import { conflict, notFound, workflowRule } from '../../../shared/domain/errors';
import { buildNotice, noticePeriod } from '../../../shared/domain/notice';
import { passedItems } from '../../../shared/domain/meeting';
import { assertPermitted } from '../../../shared/domain/workflow/caseState';
import { updateObjections } from '../../../shared/domain/workflow/machine';
import { assertObjectionDates } from '../../../shared/domain/workflow/stepRules';
import type { HandlerContext } from '../context';
import * as repo from '../repos/notices';
import { domainObjections } from './casesAdvance';
import { caseTitle, loadCase, saveCaseState, toObjectionRow } from './caseStore';
import { loadMeetingInScope } from './meetingStore';
import { procedureRules, workflowCtx } from './procedureContext';
import type { HandlerTable } from './types';

// 公示 from locked minutes (shared/domain/notice.ts keeps it to 户主/村组/拟认定), and 异议 per listed
// household. A case still awaiting its 公示 step picks objections up when the step is recorded; a case
// whose 公示 step is done (awaiting 镇街审核) is updated at once through the domain's updateObjections.

type PostingState = NoticeRow['state'];

function postingState(ctx: HandlerContext, n: repo.NoticeRecord): { state: PostingState; closableFrom: string } {
  const rules = { ...procedureRules(ctx), publicNoticeDayKind: n.notice.dayKind };
  const today = chinaDateOf(ctx.now());
  const { closableFrom } = noticePeriod(n.notice.startDate, n.notice.days, rules);
  const state: PostingState = compareDates(today, n.notice.startDate) < 0 ? 'notStarted' : compareDates(today, n.notice.endDate) <= 0 ? 'posting' : 'ended';
  return { state, closableFrom };
}

function loadNotice(ctx: HandlerContext, id: string): repo.NoticeRecord {
  const n = repo.getNotice(ctx.db, id);
  if (!n) throw notFound('该公示');
  ctx.assertVillageInScope(n.villageId);
  return n;
}

function noticeDetail(ctx: HandlerContext, id: string): NoticeDetail {
  const n = loadNotice(ctx, id);
  return { id: n.id, villageId: n.villageId, notice: n.notice, caseIds: n.caseIds, ...postingState(ctx, n), objections: repo.objectionsOfNotice(ctx.db, id).map(toObjectionRow), rowVersion: n.rowVersion, updatedAt: n.updatedAt };
}

function recordNotice(ctx: HandlerContext, id: string, action: 'create' | 'update', summary: string, householdId?: string): NoticeDetail {
  repo.touchNotice(ctx.db, id, ctx.nowIso(), ctx.user().username);
  const d = noticeDetail(ctx, id);
  ctx.audit({ action, entity: 'notice', entityId: id, householdId: householdId ?? null, summary });
  ctx.change('notice', id, d.rowVersion, 'upsert', { villageId: d.villageId, notice: d.notice, caseIds: d.caseIds, objections: d.objections });
  return d;
}

/** Brings a case whose 公示 step is already recorded up to date with this notice's objections. */
function syncCase(ctx: HandlerContext, caseId: string, noticeId: string): void {
  const r = loadCase(ctx, caseId);
  const recorded = r.state.steps.notice;
  if (r.state.status !== 'inProgress' || r.state.awaiting !== 'townshipReview' || recorded?.noticeId !== noticeId) return;
  const list = domainObjections(repo.objectionsOfCase(ctx.db, caseId).filter((o) => o.noticeId === noticeId));
  const next = updateObjections(r.state, list, workflowCtx(ctx));
  saveCaseState(ctx, r, next, `${caseTitle(r)}：更新公示异议（${list.length} 条，未处理 ${list.filter((o) => !o.resolved).length} 条）`);
}

function assertMayRecordObjection(ctx: HandlerContext, caseId: string, noticeId: string): void {
  const r = loadCase(ctx, caseId);
  const awaiting = r.state.awaiting;
  const atNotice = awaiting === 'notice' || (awaiting === 'townshipReview' && r.state.steps.notice?.noticeId === noticeId);
  if (r.state.status !== 'inProgress' || !atNotice) throw workflowRule(`${caseTitle(r)}已过公示环节，不能再登记异议。`);
}

export const noticesHandlers: HandlerTable = {
  'notices.create': (ctx, input) => {
    assertPermitted(workflowCtx(ctx), 'notice');
    const { meeting, header } = loadMeetingInScope(ctx, input.meetingId);
    if (repo.noticeForMeetingKind(ctx.db, meeting.id, input.kind)) throw conflict('本次会议的该类公示已经生成，请在公示列表中查看。');
    const notice = buildNotice(meeting, { kind: input.kind, startDate: input.postedOn, place: input.place, objectionContact: input.objectionContact, ...(input.title ? { title: input.title } : {}) }, procedureRules(ctx));
    const caseIds = passedItems(meeting, input.kind).map((i) => i.caseId);
    const id = ctx.ids.newId();
    repo.insertNotice(ctx.db, id, header.villageId, notice, caseIds, ctx.nowIso(), ctx.user().username);
    return recordNotice(ctx, id, 'create', `生成公示「${notice.title}」（${notice.startDate} 至 ${notice.endDate}，${notice.entries.length} 户）`);
  },

  'notices.get': (ctx, { id }) => noticeDetail(ctx, id),

  'notices.list': (ctx, { filter, startRow, endRow }) => {
    const rules = procedureRules(ctx);
    const { rows, total } = repo.listNotices(ctx.db, filter, ctx.user().scope, chinaDateOf(ctx.now()), startRow, endRow);
    return {
      rows: rows.map((n): NoticeRow => {
        const p = postingState(ctx, n);
        return {
          id: n.id,
          kind: n.notice.kind,
          meetingId: n.notice.meetingId,
          villageId: n.villageId,
          villageName: n.notice.villageName,
          title: n.notice.title,
          startDate: n.notice.startDate,
          endDate: n.notice.endDate,
          closableFrom: p.closableFrom,
          place: n.notice.place,
          entryCount: n.notice.entries.length,
          objectionCount: n.objectionCount,
          openObjectionCount: n.openObjectionCount,
          state: p.state,
          dueStatus: p.state === 'ended' ? null : dueStatus(n.notice.endDate, ctx.now(), rules),
        };
      }),
      total,
      today: chinaDateOf(ctx.now()),
    };
  },

  'notices.addObjection': (ctx, { noticeId, caseId, date, objectionText, raisedBy }) => {
    assertPermitted(workflowCtx(ctx), 'notice');
    const n = loadNotice(ctx, noticeId);
    if (!n.caseIds.includes(caseId)) throw workflowRule('该户不在本公示名单中，请核对。');
    assertMayRecordObjection(ctx, caseId, noticeId);
    assertObjectionDates([{ date, content: objectionText, resolved: false }], n.notice.startDate, chinaDateOf(ctx.now()));
    repo.insertObjection(ctx.db, { id: ctx.ids.newId(), noticeId, caseId, date, content: objectionText, raisedBy: raisedBy ?? null }, ctx.nowIso(), ctx.user().username);
    syncCase(ctx, caseId, noticeId);
    const c = loadCase(ctx, caseId);
    return recordNotice(ctx, noticeId, 'update', `公示「${n.notice.title}」登记对${c.headName}户的异议（${date}）`, c.householdId);
  },

  'notices.resolveObjection': (ctx, { objectionId, investigation, result }) => {
    assertPermitted(workflowCtx(ctx), 'notice');
    const o = repo.getObjection(ctx.db, objectionId);
    if (!o) throw notFound('该异议');
    const n = loadNotice(ctx, o.noticeId);
    if (o.resolved) throw workflowRule('该异议已处理完毕，不能重复处理。');
    repo.resolveObjection(ctx.db, o.id, investigation, result, chinaDateOf(ctx.now()), ctx.nowIso(), ctx.user().username);
    syncCase(ctx, o.caseId, o.noticeId);
    const c = loadCase(ctx, o.caseId);
    return recordNotice(ctx, n.id, 'update', `公示「${n.notice.title}」对${c.headName}户的异议已处理：${result}`, c.householdId);
  },
};
