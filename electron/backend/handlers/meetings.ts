import { conflict, validationError, workflowRule } from '../../../shared/domain/errors';
import { addAddendum, clearSignatures, createMeeting, updateMeetingContent, type Attendee, type Meeting } from '../../../shared/domain/meeting';
import type { z } from 'zod';
import type { meetingSaveInput } from '../../../shared/api/methods/meetings';
import { chinaDateOf } from '../../../shared/domain/deadlines';
import type { HandlerContext } from '../context';
import { getDivision } from '../repos/divisions';
import * as repo from '../repos/meetings';
import { caseTitle, loadCase } from './caseStore';
import { meetingDetail, loadMeetingInScope, recordMeeting } from './meetingStore';
import { signMeeting } from './meetingSign';
import { procedureRules } from './procedureContext';
import type { HandlerTable } from './types';

// 民主评议会 minutes: content is the domain's (createMeeting / updateMeetingContent refuse edits once
// anyone has signed); agenda items are built here from the cases so 户主 and 村组 are the register's.

type SaveInput = z.output<typeof meetingSaveInput>;

function village(ctx: HandlerContext, villageId: string): string {
  const v = getDivision(ctx.db, villageId);
  if (!v || v.level !== 'village') throw validationError([{ path: 'villageId', message: '请选择召开评议会的行政村。' }]);
  ctx.assertVillageInScope(v.id);
  return v.name;
}

/** Agenda items from the cases: snapshot of 户主/村组/人口, proposal checked against the profile. */
function buildItems(ctx: HandlerContext, input: SaveInput, keepIds: Set<string>): repo.StoredItem[] {
  const categories = procedureRules(ctx).categories;
  return input.items.map((it, i) => {
    const c = loadCase(ctx, it.caseId);
    if (c.villageId !== input.villageId) throw workflowRule(`${caseTitle(c)}不属于本村，不能列入本次评议。`);
    if (c.status !== 'open') throw workflowRule(`${caseTitle(c)}已办结（${c.outcome === 'approved' ? '已纳入' : '已结束'}），不能再列入评议。`);
    const proposal = it.proposal?.trim() || (c.kind === 'elimination' ? (c.mode ?? '') : '');
    if (c.kind === 'identification' && !categories.includes(proposal)) {
      throw validationError([{ path: `items.${i}.proposal`, message: `请为户主「${c.headName}」选择拟认定类别：${categories.join('、')}。` }]);
    }
    return {
      id: it.id && keepIds.has(it.id) ? it.id : ctx.ids.newId(),
      caseId: c.id,
      caseKind: c.kind,
      householdId: c.householdId,
      headName: c.headName,
      villageGroup: c.groupName ?? c.villageName,
      ...(c.memberCount > 0 ? { memberCount: c.memberCount } : {}),
      proposal,
      ...(it.situation ? { situation: it.situation } : {}),
      ...(it.needs ? { needs: it.needs } : {}),
      votes: it.votes,
      outcome: it.outcome,
    };
  });
}

function saveMeeting(ctx: HandlerContext, input: SaveInput) {
  const villageName = village(ctx, input.villageId);
  const existing = input.id ? loadMeetingInScope(ctx, input.id) : undefined;
  if (existing && input.rowVersion !== undefined && input.rowVersion !== existing.header.rowVersion) throw conflict('该会议记录已被他人修改，请刷新后再改（您的修改未保存）。');
  const id = existing?.header.id ?? ctx.ids.newId();
  const oldAttendees = new Set(existing?.meeting.attendees.map((a) => a.id) ?? []);
  const attendees: Attendee[] = input.attendees.map((a) => ({ id: a.id && oldAttendees.has(a.id) ? a.id : ctx.ids.newId(), name: a.name, role: a.role, ...(a.unit ? { unit: a.unit } : {}) }));
  const items = buildItems(ctx, input, new Set(existing?.items.map((i) => i.id) ?? []));
  const content = { id, villageName, date: input.date, ...(input.time ? { time: input.time } : {}), place: input.place, host: input.host, recorder: input.recorder, attendees, items: items.map(({ householdId: _h, ...i }) => i) };
  const header: repo.HeaderWrite = { id, villageId: input.villageId, villageName, date: input.date, time: input.time ?? null, place: input.place, host: input.host, recorder: input.recorder, minutesText: input.minutesText ?? '' };
  const at = ctx.nowIso();
  const by = ctx.user().username;
  if (existing) {
    updateMeetingContent(existing.meeting, content);
    repo.updateMeeting(ctx.db, header, at, by);
  } else {
    createMeeting(content);
    repo.insertMeeting(ctx.db, header, at, by);
  }
  repo.replaceParts(ctx.db, id, attendees, items);
  const what = `${input.date} ${villageName}民主评议会（参会 ${attendees.length} 人，评议 ${items.length} 户）`;
  return recordMeeting(ctx, id, existing ? 'update' : 'create', `${existing ? '修改' : '新建'}会议记录：${what}`);
}

function addendum(ctx: HandlerContext, input: { meetingId: string; date: string; text: string; reason: string; corrections: Meeting['addenda'][number]['corrections']; signerIds: string[] }) {
  const { meeting } = loadMeetingInScope(ctx, input.meetingId);
  const a = { id: ctx.ids.newId(), date: input.date, text: input.text, reason: input.reason, corrections: input.corrections, signerIds: input.signerIds };
  addAddendum(meeting, a);
  repo.insertAddendum(ctx.db, meeting.id, a, ctx.nowIso(), ctx.user().username);
  repo.touchMeeting(ctx.db, meeting.id, ctx.nowIso(), ctx.user().username);
  return recordMeeting(ctx, meeting.id, 'update', `会议记录添加补充说明（${input.date}）：${input.reason}`);
}

export const meetingsHandlers: HandlerTable = {
  'meetings.save': (ctx, input) => saveMeeting(ctx, input),

  'meetings.get': (ctx, { id }) => meetingDetail(ctx, id),

  'meetings.list': (ctx, { filter, startRow, endRow }) => {
    const { rows, total } = repo.listMeetings(ctx.db, filter, ctx.user().scope, startRow, endRow);
    return { rows: rows.map((r) => ({ ...r, locked: r.lockedAt !== null })), total, today: chinaDateOf(ctx.now()) };
  },

  'meetings.sign': (ctx, input) => signMeeting(ctx, input),

  'meetings.clearSignatures': (ctx, { meetingId, reason }) => {
    const { meeting } = loadMeetingInScope(ctx, meetingId);
    clearSignatures(meeting);
    const n = repo.withdrawSignatures(ctx.db, meetingId, ctx.nowIso());
    repo.touchMeeting(ctx.db, meetingId, ctx.nowIso(), ctx.user().username);
    return recordMeeting(ctx, meetingId, 'update', `撤销会议记录上的 ${n} 个签字以便更正，原因：${reason}`);
  },

  'meetings.addendum': (ctx, input) => addendum(ctx, input),
};
