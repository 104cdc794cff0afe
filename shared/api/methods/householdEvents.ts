import { z } from 'zod';
import { EVENT_KINDS, JOIN_KINDS, LEAVE_KINDS } from '../../domain/householdEvents';
import { method } from '../define';
import { id, isoDate, requiredText, shortText } from '../schemas/common';
import { household, memberInput } from '../schemas/household';

// 自然变更 (出生, 死亡, 婚入, 婚出, 迁入, 迁出, 分户, 合户) as dated events; nothing is overwritten.

const note = shortText(500).optional();
const relationChange = z.strictObject({ memberId: id, relation: requiredText(20) });
const relationChanges = z.array(relationChange).max(30).optional();
/** A person joining: the member form without the bookkeeping fields (joined_at is the event date). */
const joiningMember = memberInput.omit({ id: true, joinedAt: true });

const joinEvent = z.strictObject({
  kind: z.enum(JOIN_KINDS),
  householdId: id,
  date: isoDate,
  member: joiningMember,
  /** 迁自 / 婚入来源, free text (another county, a household outside this office…). */
  origin: shortText(100).optional(),
  note,
});

const leaveEvent = z.strictObject({
  kind: z.enum(LEAVE_KINDS),
  householdId: id,
  date: isoDate,
  memberIds: z.array(id).min(1).max(30),
  /** Required when the 户主 leaves and someone stays. */
  newHeadMemberId: id.optional(),
  /** Relations to the (new) 户主 of those who stay, when they change. */
  relationChanges,
  /** 迁往 / 婚出去向. */
  destination: shortText(100).optional(),
  /** The last members leave: the household is 注销; the clerk must say so explicitly. */
  confirmCancel: z.boolean().optional(),
  note,
});

const splitEvent = z.strictObject({
  kind: z.literal('split'),
  householdId: id,
  date: isoDate,
  memberIds: z.array(id).min(1).max(30),
  newHeadMemberId: id.optional(),
  relationChanges,
  newHousehold: z.strictObject({
    headMemberId: id,
    /** Relations to the new 户主 (the head's own relation becomes 户主 automatically). */
    relations: z.array(relationChange).max(30).default([]),
    villageId: id.optional(),
    groupId: id.nullable().optional(),
    address: shortText(200).optional(),
    phone: shortText(30).optional(),
    householdType: shortText(20).optional(),
    householdNo: shortText(40).optional(),
  }),
  note,
});

const mergeEvent = z.strictObject({
  kind: z.literal('merge'),
  /** The household that remains. */
  householdId: id,
  date: isoDate,
  /** The household merged in; it is 注销 afterwards, its members join with the event date. */
  fromHouseholdId: id,
  /** Each incoming member's relation to this household's 户主. */
  relations: z.array(relationChange).min(1).max(30),
  note,
});

export const eventInput = z.discriminatedUnion('kind', [joinEvent, leaveEvent, splitEvent, mergeEvent]);
export type EventInput = z.input<typeof eventInput>;

export const householdEvent = z.object({
  id,
  householdId: id,
  kind: z.enum(EVENT_KINDS),
  kindLabel: z.string(),
  date: z.string(),
  /** The other household of a 分户 (new) or 合户 (merged in). */
  relatedHouseholdId: id.nullable(),
  relatedHeadName: z.string().nullable(),
  members: z.array(z.object({ id, name: z.string() })),
  /** Chinese one-liner for the timeline. */
  summary: z.string(),
  note: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** True when this household is the related one (the event was recorded on the other household). */
  viaRelated: z.boolean(),
});
export type HouseholdEvent = z.infer<typeof householdEvent>;

/** A stored 收入核算 whose per-capita figure moved because the event changed the divisor. */
export const incomeRecomputed = z.object({
  accountId: id,
  householdId: id,
  windowFrom: z.string(),
  windowTo: z.string(),
  oldDivisor: z.number().int(),
  newDivisor: z.number().int(),
  oldPerCapitaFen: z.number().int(),
  newPerCapitaFen: z.number().int(),
  oldComparison: z.string(),
  newComparison: z.string(),
  /** Chinese sentence, e.g. "人均纯收入由 9,000.00 元变为 6,750.00 元，已低于监测范围". */
  message: z.string(),
});
export type IncomeRecomputed = z.infer<typeof incomeRecomputed>;

export const householdEventsMethods = {
  'householdEvents.record': method({
    input: eventInput,
    output: z.object({
      event: householdEvent,
      household,
      /** The household created by a 分户. */
      newHouseholdId: id.nullable(),
      incomeRecomputed: z.array(incomeRecomputed),
    }),
    access: 'register.write',
    write: true,
    summary: '登记人口自然变更（出生、死亡、婚入、婚出、迁入、迁出、分户、合户），按变更日期保留历史，并重算受影响的收入核算人口数',
  }),
  'householdEvents.list': method({
    input: z.strictObject({ householdId: id }),
    /** `today` is the backend's China calendar day: the default and latest date a form may offer. */
    output: z.object({ events: z.array(householdEvent), today: z.string() }),
    access: 'register.read',
    write: false,
    summary: '一户的自然变更记录（按日期倒序，含分户、合户涉及的另一户）',
  }),
  'householdEvents.revoke': method({
    input: z.strictObject({ id, reason: requiredText(200) }),
    output: z.object({ household, incomeRecomputed: z.array(incomeRecomputed) }),
    access: 'register.write',
    write: true,
    summary: '撤销一条误登记的自然变更（仅限该户最近一条、非分户合户），恢复成员状态并留痕',
  }),
};
