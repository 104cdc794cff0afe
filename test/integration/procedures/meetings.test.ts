// Minutes and signatures: PNG checks, paper signatures, the lock and its hash, corrections by addendum.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { householdInput, padPngBase64, saveMeeting, setup, signAll, uploadScan } from './helpers';

describe('procedures: meetings and signatures', () => {
  let t: TestBackend;
  let villageId: string;
  let caseId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    const s = await setup(t);
    villageId = s.villageId;
    const h = await t.call('households.save', householdInput(villageId, s.groupIds[1]));
    caseId = (await t.call('cases.open', { householdId: h.id, kind: 'identification' })).id;
  });
  afterEach(() => t.close());

  const signatureFiles = () => (t.backend.services.db.prepare(`SELECT count(*) AS n FROM files WHERE kind = 'signature'`).get() as { n: number }).n;

  it('snapshots 户主 and 村组 from the register and checks the proposal against the profile', async () => {
    const m = await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '边缘易致贫户' }]);
    expect(m.meeting.items[0]).toMatchObject({ headName: '王大山', villageGroup: '二组', memberCount: 2, caseKind: 'identification' });
    const err = await t.fail('meetings.save', { ...baseInput(), items: [{ caseId, proposal: '贫困户', votes: { agree: 3, disagree: 0, abstain: 0 }, outcome: 'pass' }] });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('拟认定类别');
  });

  it('refuses a pad image that is not a PNG, and stores nothing', async () => {
    const m = await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '边缘易致贫户' }]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(1)]).toString('base64');
    const err = await t.fail('meetings.sign', { meetingId: m.id, attendeeId: m.meeting.attendees[0].id, signature: { kind: 'pad', pngBase64: jpeg } });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('不是 PNG');
    const huge = await t.fail('meetings.sign', { meetingId: m.id, attendeeId: m.meeting.attendees[0].id, signature: { kind: 'pad', pngBase64: 'A'.repeat(500_000) } });
    expect(huge.code).toBe('validation');
    expect(signatureFiles()).toBe(0);
  });

  it('records pad and paper signatures, refuses a second signature, and locks with a stable hash', async () => {
    const m = await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '边缘易致贫户' }]);
    const [a1, a2, a3] = m.meeting.attendees;
    await t.call('meetings.sign', { meetingId: m.id, attendeeId: a1.id, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    const twice = await t.fail('meetings.sign', { meetingId: m.id, attendeeId: a1.id, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    expect(twice.message).toContain('已经签过字');
    // Once someone has signed, content may not change (their signature would cover other text).
    const edit = await t.fail('meetings.save', { ...baseInput(m.id), items: [{ caseId, proposal: '边缘易致贫户', votes: { agree: 3, disagree: 0, abstain: 0 }, outcome: 'pass' }] });
    expect(edit.message).toContain('已有 1 人签字');
    const missingScan = await t.fail('meetings.sign', { meetingId: m.id, attendeeId: a2.id, signature: { kind: 'paper', scanToken: '00000000-0000-7000-8000-00000000ffff' } });
    expect(missingScan.code).toBe('not_found');
    await t.call('meetings.sign', { meetingId: m.id, attendeeId: a2.id, signature: { kind: 'paper', scanToken: uploadScan(t) } });
    const done = await t.call('meetings.sign', { meetingId: m.id, attendeeId: a3.id, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    expect(done.locked).toBe(true);
    expect(done.lockedAt).toBe(t.clock.now().toISOString());
    expect(done.meeting.signatures.map((s) => s.kind)).toEqual(['pad', 'paper', 'pad']);
    expect(done.currentHash).toBe(done.lockHash);
    expect(signatureFiles()).toBe(2);
    const list = await t.call('meetings.list', { filter: { locked: true } });
    expect(list.rows[0]).toMatchObject({ id: m.id, signedCount: 3, attendeeCount: 3, identificationItems: 1, locked: true });
  });

  it('withdraws signatures of unlocked minutes so they can be corrected', async () => {
    const m = await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '边缘易致贫户' }]);
    await t.call('meetings.sign', { meetingId: m.id, attendeeId: m.meeting.attendees[0].id, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    await t.call('meetings.clearSignatures', { meetingId: m.id, reason: '票数记错' });
    const fixed = await t.call('meetings.save', {
      ...baseInput(m.id),
      attendees: m.meeting.attendees,
      items: [{ id: m.meeting.items[0].id, caseId, proposal: '边缘易致贫户', votes: { agree: 2, disagree: 1, abstain: 0 }, outcome: 'pass' }],
    });
    expect(fixed.meeting.signatures).toEqual([]);
    expect(fixed.meeting.attendees.map((a) => a.id)).toEqual(m.meeting.attendees.map((a) => a.id));
    expect(fixed.meeting.items[0].votes.agree).toBe(2);
  });

  it('corrects locked minutes by a signed addendum; the correction feeds the 民主评议 step once signed', async () => {
    const locked = await signAll(t, await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '边缘易致贫户' }]));
    const [a1, a2] = locked.meeting.attendees;
    const withAddendum = await t.call('meetings.addendum', {
      meetingId: locked.id,
      date: '2026-11-29',
      text: '王大山户表决票数更正为同意 2 票、不同意 1 票。',
      reason: '记录人笔误',
      corrections: [{ itemId: locked.meeting.items[0].id, votes: { agree: 2, disagree: 1, abstain: 0 } }],
      signerIds: [a1.id, a2.id],
    });
    expect(withAddendum.lockHash).toBe(locked.lockHash);
    expect(withAddendum.currentHash).not.toBe(locked.lockHash);
    const addendumId = withAddendum.meeting.addenda[0].id;
    const pending = await t.fail('meetings.sign', { meetingId: locked.id, attendeeId: withAddendum.meeting.attendees[2].id, addendumId, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    expect(pending.message).toContain('不在本次应签字人员名单中');
    await t.call('cases.advance', { caseId, step: 'apply', data: { date: '2026-11-29', applicantName: '王大山', receivedBy: '李会计', commitment: true, authorisation: true, mark: { signed: true, fingerprint: false, medium: 'paper' } } });
    await t.call('cases.advance', { caseId, step: 'verify', data: { date: '2026-11-29', verifiers: [{ name: '甲' }, { name: '乙' }] } });
    const early = await t.fail('cases.advance', { caseId, step: 'deliberate', data: { meetingId: locked.id } });
    expect(early.message).toContain('尚未签字完成的补充说明');
    for (const a of [a1, a2]) await t.call('meetings.sign', { meetingId: locked.id, attendeeId: a.id, addendumId, signature: { kind: 'pad', pngBase64: padPngBase64() } });
    const c = await t.call('cases.advance', { caseId, step: 'deliberate', data: { meetingId: locked.id } });
    expect(c.state.steps.deliberate?.votes).toEqual({ agree: 2, disagree: 1, abstain: 0 });
  });

  function baseInput(id?: string) {
    return { ...(id ? { id } : {}), villageId, date: '2026-11-29', place: '村委会', host: '张书记', recorder: '李会计', attendees: [{ name: '张书记', role: '村两委' }] };
  }
});
