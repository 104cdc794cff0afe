// 民主评议会 minutes: who attended, what was deliberated (identification and elimination items may
// share one meeting), how they voted, and who signed. Signatures freeze the content: once anyone has
// signed, the content may not change (their signature would cover different text); once everyone has
// signed the minutes are locked for good and corrections go into dated addenda with their own signatures.
import { z } from 'zod';
import { compareDates, type DateString } from './deadlines';
import { workflowRule } from './errors';
import { calendarDate, ELIMINATION_MODES, votesSchema, type DeliberateData, type Votes } from './workflow/steps';
import { parseOrThrow } from './workflow/validate';
import type { CaseKind } from './workflow/caseState';

/** Suggested attendee roles (seed and Hunan/Anhui practice); the field itself is free text. */
export const MEETING_ROLES = ['村两委', '驻村工作队', '党员代表', '村民小组长', '村民代表', '结对帮扶干部', '办点干部', '镇干部', '其他'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const attendeeSchema = z.strictObject({ id: text(64), name: text(50), role: text(30), unit: z.string().trim().max(100).optional() });

const itemSchema = z.strictObject({
  id: text(64),
  caseId: text(64),
  caseKind: z.enum(['identification', 'elimination']),
  /** Snapshot of 户主姓名 and 村民小组 at the meeting, as the minutes print them. */
  headName: text(50),
  villageGroup: text(50),
  memberCount: z.number().int().min(1).max(99).optional(),
  /** 拟认定类别 for an identification item, 风险消除方式 for an elimination item. */
  proposal: text(30),
  /** 主要情况 (风险因素或帮扶成效) and 帮扶需求: internal minutes only, never posted. */
  situation: z.string().trim().max(2000).optional(),
  needs: z.string().trim().max(1000).optional(),
  votes: votesSchema,
  outcome: z.enum(['pass', 'fail']),
});

export const meetingContentSchema = z.strictObject({
  id: text(64),
  villageName: text(50),
  date: calendarDate,
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  place: text(100),
  host: text(50),
  recorder: text(50),
  attendees: z.array(attendeeSchema).min(1).max(200),
  items: z.array(itemSchema).min(1).max(500),
});

export type Attendee = z.output<typeof attendeeSchema>;
export type AgendaItem = z.output<typeof itemSchema>;
export type MeetingContent = z.output<typeof meetingContentSchema>;

export type Signature =
  | { attendeeId: string; kind: 'pad'; imageRef: string; signedAt: string }
  | { attendeeId: string; kind: 'paper'; scanRef: string; recordedAt: string };

/** A structured correction carried by an addendum; applied once the addendum is fully signed. */
export interface ItemCorrection {
  itemId: string;
  votes?: Votes;
  outcome?: 'pass' | 'fail';
  proposal?: string;
}

export interface Addendum {
  id: string;
  date: DateString;
  text: string;
  reason: string;
  corrections: ItemCorrection[];
  signerIds: string[];
  signatures: Signature[];
}

export interface Meeting extends MeetingContent {
  signatures: Signature[];
  addenda: Addendum[];
}

function checkItems(content: MeetingContent): void {
  const attendeeIds = new Set(content.attendees.map((a) => a.id));
  if (attendeeIds.size !== content.attendees.length) throw workflowRule('参会人员编号重复，请检查签到名单。');
  const caseIds = new Set<string>();
  for (const item of content.items) {
    if (caseIds.has(item.caseId)) throw workflowRule(`户主「${item.headName}」在本次会议中重复评议，请合并为一个议题。`);
    caseIds.add(item.caseId);
    checkItemVotes(item, content.attendees.length);
  }
}

function checkItemVotes(item: Pick<AgendaItem, 'headName' | 'votes' | 'outcome' | 'proposal' | 'caseKind'>, attendeeCount: number): void {
  const { agree, disagree, abstain } = item.votes;
  const total = agree + disagree + abstain;
  if (total === 0) throw workflowRule(`户主「${item.headName}」的评议没有表决票，请填写同意、不同意、弃权票数。`);
  if (total > attendeeCount) throw workflowRule(`户主「${item.headName}」的表决票数合计 ${total} 超过参会人数 ${attendeeCount}，请核对。`);
  if (item.outcome === 'pass' && agree <= disagree) throw workflowRule(`户主「${item.headName}」的同意票不多于不同意票，评议结果不能为“通过”。`);
  if (item.caseKind === 'elimination' && !(ELIMINATION_MODES as readonly string[]).includes(item.proposal)) {
    throw workflowRule(`户主「${item.headName}」的风险消除方式只能是：${ELIMINATION_MODES.join('、')}。`);
  }
}

/** Creates minutes from entered content (no signatures yet). */
export function createMeeting(input: unknown): Meeting {
  const content = parseOrThrow(meetingContentSchema, input, '评议会议记录');
  checkItems(content);
  return { ...content, signatures: [], addenda: [] };
}

export const unsignedAttendees = (meeting: Meeting): Attendee[] =>
  meeting.attendees.filter((a) => !meeting.signatures.some((s) => s.attendeeId === a.id));

/** Locked = every attendee has signed (pad or paper). Locked minutes never change; use an addendum. */
export const isLocked = (meeting: Meeting): boolean => meeting.attendees.length > 0 && unsignedAttendees(meeting).length === 0;

/** Replaces the content. Refused once locked, and once anyone has signed (clear the signatures first). */
export function updateMeetingContent(meeting: Meeting, input: unknown): Meeting {
  if (isLocked(meeting)) throw workflowRule('会议记录已全部签字并锁定，不能修改。如需更正，请添加补充说明（附记），并由相关参会人员签字。');
  if (meeting.signatures.length > 0) {
    throw workflowRule(`已有 ${meeting.signatures.length} 人签字，修改内容会使其签字失效。请先撤销全部签字，修改后重新签字。`);
  }
  const content = parseOrThrow(meetingContentSchema, input, '评议会议记录');
  if (content.id !== meeting.id) throw workflowRule('不能修改会议编号。');
  checkItems(content);
  return { ...content, signatures: [], addenda: [] };
}

/** Withdraws all signatures of unlocked minutes so their content can be corrected. */
export function clearSignatures(meeting: Meeting): Meeting {
  if (isLocked(meeting)) throw workflowRule('会议记录已全部签字并锁定，不能撤销签字。如需更正，请添加补充说明（附记）。');
  return { ...meeting, signatures: [] };
}

function checkSignature(sig: Signature, meeting: Meeting, allowed: readonly string[], already: readonly Signature[]): void {
  const attendee = meeting.attendees.find((a) => a.id === sig.attendeeId);
  if (!attendee || !allowed.includes(sig.attendeeId)) throw workflowRule('签字人不在本次应签字人员名单中，请核对。');
  if (already.some((s) => s.attendeeId === sig.attendeeId)) throw workflowRule(`「${attendee.name}」已经签过字，不能重复签字。`);
  const file = sig.kind === 'pad' ? sig.imageRef : sig.scanRef;
  if (!file || !file.trim()) throw workflowRule(sig.kind === 'pad' ? '签字板签字缺少签字图片，请重新签字。' : '纸质签字须上传会议记录签字页扫描件。');
}

export function addSignature(meeting: Meeting, sig: Signature): Meeting {
  if (isLocked(meeting)) throw workflowRule('会议记录已全部签字并锁定，不能再签字。');
  checkSignature(sig, meeting, meeting.attendees.map((a) => a.id), meeting.signatures);
  return { ...meeting, signatures: [...meeting.signatures, sig] };
}

export const isAddendumComplete = (addendum: Addendum): boolean =>
  addendum.signerIds.every((id) => addendum.signatures.some((s) => s.attendeeId === id));

/**
 * Adds a dated correction to locked minutes. It names who must sign it (attendees of the meeting)
 * and may carry structured corrections of items, which take effect once it is fully signed.
 */
export function addAddendum(meeting: Meeting, addendum: Omit<Addendum, 'signatures'>): Meeting {
  if (!isLocked(meeting)) throw workflowRule('会议记录尚未全部签字，可直接修改内容，无需补充说明。');
  if (meeting.addenda.some((a) => a.id === addendum.id)) throw workflowRule('补充说明编号重复。');
  if (!addendum.text.trim() || !addendum.reason.trim()) throw workflowRule('补充说明须填写更正内容和更正原因。');
  if (compareDates(addendum.date, meeting.date) < 0) throw workflowRule(`补充说明日期不能早于会议日期 ${meeting.date}。`);
  const ids = new Set(addendum.signerIds);
  if (ids.size === 0 || ids.size !== addendum.signerIds.length) throw workflowRule('请指定补充说明的签字人员（不能重复）。');
  if (!addendum.signerIds.every((id) => meeting.attendees.some((a) => a.id === id))) throw workflowRule('补充说明的签字人员须为本次会议的参会人员。');
  for (const c of addendum.corrections) {
    const item = meeting.items.find((i) => i.id === c.itemId);
    if (!item) throw workflowRule('补充说明更正的议题不在本次会议记录中。');
    checkItemVotes({ ...item, ...c }, meeting.attendees.length);
  }
  return { ...meeting, addenda: [...meeting.addenda, { ...addendum, corrections: [...addendum.corrections], signatures: [] }] };
}

export function signAddendum(meeting: Meeting, addendumId: string, sig: Signature): Meeting {
  const addendum = meeting.addenda.find((a) => a.id === addendumId);
  if (!addendum) throw workflowRule('未找到该补充说明。');
  if (isAddendumComplete(addendum)) throw workflowRule('该补充说明已全部签字，不能再修改或签字。');
  checkSignature(sig, meeting, addendum.signerIds, addendum.signatures);
  const updated = { ...addendum, signatures: [...addendum.signatures, sig] };
  return { ...meeting, addenda: meeting.addenda.map((a) => (a.id === addendumId ? updated : a)) };
}

/** Items as they stand after every fully signed addendum, in order. */
export function effectiveItems(meeting: Meeting): AgendaItem[] {
  const complete = meeting.addenda.filter(isAddendumComplete);
  return meeting.items.map((item) =>
    complete.flatMap((a) => a.corrections).filter((c) => c.itemId === item.id).reduce<AgendaItem>((acc, c) => ({ ...acc, ...withoutItemId(c) }), item),
  );
}

const withoutItemId = ({ itemId: _ignored, ...rest }: ItemCorrection): Omit<ItemCorrection, 'itemId'> => rest;

/** Items of one kind whose final outcome is "pass": what a 公示 lists. */
export const passedItems = (meeting: Meeting, kind: CaseKind): AgendaItem[] =>
  effectiveItems(meeting).filter((i) => i.caseKind === kind && i.outcome === 'pass');

/**
 * The 民主评议 step data for one case, taken from locked minutes. Refused while not everyone has
 * signed, or while an addendum correcting this case's item still lacks signatures.
 */
export function deliberationStepData(meeting: Meeting, caseId: string): DeliberateData {
  if (!isLocked(meeting)) {
    const names = unsignedAttendees(meeting).map((a) => a.name).join('、');
    throw workflowRule(`会议记录尚未全部签字（未签：${names}），不能据此办理民主评议。`);
  }
  const item = meeting.items.find((i) => i.caseId === caseId);
  if (!item) throw workflowRule('该案件不在本次会议的评议议题中。');
  const pending = meeting.addenda.some((a) => !isAddendumComplete(a) && a.corrections.some((c) => c.itemId === item.id));
  if (pending) throw workflowRule('该户的评议结果有尚未签字完成的补充说明，请先完成签字。');
  const effective = effectiveItems(meeting).find((i) => i.id === item.id) ?? item;
  return { date: meeting.date, meetingId: meeting.id, outcome: effective.outcome, votes: { ...effective.votes } };
}

/**
 * Stable text of the whole minutes (content, signatures, addenda) for the backend's hash: object
 * keys sorted, strings NFC-normalised (input methods differ), undefined dropped, array order kept
 * (the order of attendees and items is part of the printed record).
 */
export function canonicalMeetingContent(meeting: Meeting): string {
  return canonicalJson({ format: 'guardline.meeting/1', meeting });
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`);
}
