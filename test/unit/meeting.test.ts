import { describe, expect, it } from 'vitest';
import {
  addAddendum,
  addSignature,
  canonicalJson,
  canonicalMeetingContent,
  clearSignatures,
  createMeeting,
  deliberationStepData,
  effectiveItems,
  isLocked,
  signAddendum,
  unsignedAttendees,
  updateMeetingContent,
} from '../../shared/domain/meeting';
import { advance } from '../../shared/domain/workflow/machine';
import { identificationAt, LATE_CTX, refusal } from './workflow-fixtures';
import { lockedMeeting, MEETING_INPUT, padSig, signedBy } from './meeting-fixtures';

const withItems = (items: unknown[]) => ({ ...MEETING_INPUT, items });
const item = MEETING_INPUT.items[0];
const addendum = { id: 'x1', date: '2026-03-05', text: '第1项表决票数记录有误，更正为同意5票、不同意0票。', reason: '记录笔误', corrections: [{ itemId: 'i1', votes: { agree: 5, disagree: 0, abstain: 0 } }], signerIds: ['a1', 'a2'] };

describe('creating minutes', () => {
  it('accepts identification and elimination items in one meeting', () => {
    const m = createMeeting(MEETING_INPUT);
    expect(m.items.map((i) => i.caseKind)).toEqual(['identification', 'elimination', 'identification']);
    expect(m.signatures).toEqual([]);
    expect(isLocked(m)).toBe(false);
  });

  it('refuses votes beyond the attendees, a pass without a majority, and a case deliberated twice', () => {
    expect(refusal(() => createMeeting(withItems([{ ...item, votes: { agree: 5, disagree: 1, abstain: 0 } }]))).message).toContain('超过参会人数 5');
    expect(refusal(() => createMeeting(withItems([{ ...item, votes: { agree: 2, disagree: 2, abstain: 1 } }]))).message).toContain('不能为“通过”');
    expect(refusal(() => createMeeting(withItems([item, { ...item, id: 'i9' }]))).message).toContain('重复评议');
    expect(refusal(() => createMeeting(withItems([{ ...item, caseKind: 'elimination' }]))).message).toContain('风险消除方式只能是');
    expect(refusal(() => createMeeting({ ...MEETING_INPUT, attendees: [] })).code).toBe('validation');
  });
});

describe('signatures and lock', () => {
  it('locks when every attendee has signed, by pad or on paper', () => {
    const partly = signedBy(createMeeting(MEETING_INPUT), ['a1', 'a2', 'a3', 'a4']);
    expect(isLocked(partly)).toBe(false);
    expect(unsignedAttendees(partly).map((a) => a.name)).toEqual(['周组长']);
    const locked = addSignature(partly, { attendeeId: 'a5', kind: 'paper', scanRef: 'scan-minutes-p2.pdf', recordedAt: '2026-03-05T01:00:00.000Z' });
    expect(isLocked(locked)).toBe(true);
  });

  it('refuses duplicate, unknown or fileless signatures', () => {
    const m = signedBy(createMeeting(MEETING_INPUT), ['a1']);
    expect(refusal(() => addSignature(m, padSig('a1'))).message).toContain('「张书记」已经签过字');
    expect(refusal(() => addSignature(m, padSig('zz'))).message).toContain('不在本次应签字人员名单');
    expect(refusal(() => addSignature(m, { attendeeId: 'a2', kind: 'paper', scanRef: ' ', recordedAt: '2026-03-05T01:00:00.000Z' })).message).toContain('扫描件');
  });

  it('refuses edits of locked minutes, and of minutes someone has signed', () => {
    expect(refusal(() => updateMeetingContent(lockedMeeting(), MEETING_INPUT)).message).toContain('已全部签字并锁定，不能修改');
    expect(refusal(() => clearSignatures(lockedMeeting())).message).toContain('锁定');
    expect(refusal(() => addSignature(lockedMeeting(), padSig('a1'))).code).toBe('workflow_rule');
    const partly = signedBy(createMeeting(MEETING_INPUT), ['a1']);
    expect(refusal(() => updateMeetingContent(partly, MEETING_INPUT)).message).toContain('已有 1 人签字');
    const edited = updateMeetingContent(clearSignatures(partly), { ...MEETING_INPUT, place: '村文化广场' });
    expect(edited.place).toBe('村文化广场');
    expect(refusal(() => updateMeetingContent(edited, { ...MEETING_INPUT, id: 'other' })).message).toContain('会议编号');
  });
});

describe('addenda (补充说明)', () => {
  it('are only for locked minutes, dated on or after the meeting, signed by named attendees', () => {
    expect(refusal(() => addAddendum(createMeeting(MEETING_INPUT), addendum)).message).toContain('可直接修改');
    expect(refusal(() => addAddendum(lockedMeeting(), { ...addendum, date: '2026-03-03' })).message).toContain('不能早于会议日期');
    expect(refusal(() => addAddendum(lockedMeeting(), { ...addendum, signerIds: [] })).message).toContain('签字人员');
    expect(refusal(() => addAddendum(lockedMeeting(), { ...addendum, signerIds: ['a1', 'zz'] })).message).toContain('参会人员');
    expect(refusal(() => addAddendum(lockedMeeting(), { ...addendum, corrections: [{ itemId: 'i1', votes: { agree: 6, disagree: 0, abstain: 0 } }] })).message).toContain('超过参会人数');
  });

  it('take effect only once fully signed, and then cannot be signed again', () => {
    const m = addAddendum(lockedMeeting(), addendum);
    expect(effectiveItems(m)[0].votes.agree).toBe(4);
    expect(refusal(() => deliberationStepData(m, 'c1')).message).toContain('尚未签字完成的补充说明');
    const half = signAddendum(m, 'x1', padSig('a1'));
    expect(refusal(() => signAddendum(half, 'x1', padSig('a3'))).message).toContain('应签字人员');
    const done = signAddendum(half, 'x1', padSig('a2'));
    expect(effectiveItems(done)[0].votes).toEqual({ agree: 5, disagree: 0, abstain: 0 });
    expect(deliberationStepData(done, 'c1').votes.agree).toBe(5);
    expect(refusal(() => signAddendum(done, 'x1', padSig('a3'))).message).toContain('已全部签字');
    expect(done.items[0].votes.agree).toBe(4); // the original record is never rewritten
  });
});

describe('deliberationStepData', () => {
  it('is refused until every attendee signed, then feeds the 民主评议 step', () => {
    const unsigned = signedBy(createMeeting(MEETING_INPUT), ['a1', 'a2']);
    expect(refusal(() => deliberationStepData(unsigned, 'c1')).message).toContain('未签：钱队员、孙党员、周组长');
    expect(refusal(() => deliberationStepData(lockedMeeting(), 'c404')).message).toContain('不在本次会议');
    const data = deliberationStepData(lockedMeeting(), 'c1');
    expect(data).toEqual({ date: '2026-03-04', meetingId: 'm1', outcome: 'pass', votes: { agree: 4, disagree: 1, abstain: 0 } });
    expect(advance(identificationAt('deliberate'), 'deliberate', data, LATE_CTX).awaiting).toBe('notice');
  });
});

describe('canonicalMeetingContent', () => {
  it('does not depend on key order and normalises Unicode', () => {
    expect(canonicalJson({ b: 1, a: [{ y: true, x: null }] })).toBe('{"a":[{"x":null,"y":true}],"b":1}');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(canonicalJson('\u0065\u0301')).toBe(canonicalJson('\u00e9'));
    const m = lockedMeeting();
    const reordered = JSON.parse(JSON.stringify(m), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(canonicalMeetingContent(reordered)).toBe(canonicalMeetingContent(m));
  });

  it('changes with the content, the signatures and the addenda', () => {
    const m = lockedMeeting();
    const base = canonicalMeetingContent(m);
    expect(canonicalMeetingContent({ ...m, place: '别处' })).not.toBe(base);
    expect(canonicalMeetingContent({ ...m, signatures: m.signatures.slice(1) })).not.toBe(base);
    expect(canonicalMeetingContent(addAddendum(m, addendum))).not.toBe(base);
    expect(base.startsWith('{"format":"guardline.meeting/1"')).toBe(true);
  });
});
