import { describe, expect, it } from 'vitest';
import { addAddendum, createMeeting, signAddendum } from '../../shared/domain/meeting';
import { buildNotice, noticePeriod, publicNoticeSchema } from '../../shared/domain/notice';
import { RULES, refusal } from './workflow-fixtures';
import { lockedMeeting, MEETING_INPUT, padSig, signedBy } from './meeting-fixtures';

const options = { kind: 'identification' as const, startDate: '2026-03-04', place: '村委会公示栏', objectionContact: '青山村村委会 0731-1234567' };

describe('公示 period', () => {
  it('calendar days: the posting day is not counted; closable the day after the last day', () => {
    expect(noticePeriod('2026-03-04', 7, RULES)).toEqual({ startDate: '2026-03-04', endDate: '2026-03-11', closableFrom: '2026-03-12' });
  });

  it('working days when the profile says so, across 国庆 2025', () => {
    const working = { ...RULES, publicNoticeDayKind: 'working' as const };
    // 09-30, 10-09, 10-10, the make-up Saturday 10-11, 10-13.
    expect(noticePeriod('2025-09-29', 5, working)).toEqual({ startDate: '2025-09-29', endDate: '2025-10-13', closableFrom: '2025-10-14' });
  });
});

describe('buildNotice', () => {
  it('lists only the passed items of its kind, with 户主, 村组 and the proposal', () => {
    const n = buildNotice(lockedMeeting(), options, RULES);
    expect(n.entries).toEqual([{ headName: '王大山', villageGroup: '三组', proposal: '边缘易致贫户' }]);
    expect(n).toMatchObject({ title: '青山村拟纳入防止返贫监测对象名单公示', startDate: '2026-03-04', endDate: '2026-03-11', days: 7, dayKind: 'calendar' });
    const elim = buildNotice(lockedMeeting(), { ...options, kind: 'elimination' }, RULES);
    expect(elim.entries).toEqual([{ headName: '刘二', villageGroup: '一组', proposal: '帮扶消除' }]);
    expect(elim.title).toBe('青山村拟消除风险监测对象名单公示');
  });

  it('carries no ID number, phone, bank account or health status', () => {
    const n = buildNotice(lockedMeeting(), options, RULES);
    for (const entry of n.entries) expect(Object.keys(entry).sort()).toEqual(['headName', 'proposal', 'villageGroup']);
    const text = JSON.stringify(n);
    // The meeting item's 主要情况 holds an illness, an ID number and a phone: none may reach the notice.
    for (const secret of ['430102199001011234', '13800138000', '尿毒症', '透析', '医疗救助']) expect(text).not.toContain(secret);
    expect(text).not.toContain('memberCount');
    expect(text).not.toContain('situation');
  });

  it('refuses an entry that smuggles a number in a name', () => {
    const input = { ...MEETING_INPUT, items: [{ ...MEETING_INPUT.items[0], headName: '王大山 138 0013 8000' }] };
    const locked = signedBy(createMeeting(input), ['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(refusal(() => buildNotice(locked, options, RULES)).message).toContain('不得包含身份证号、电话、银行账号');
  });

  it('the stored-notice schema refuses extra fields', () => {
    const n = buildNotice(lockedMeeting(), options, RULES);
    expect(publicNoticeSchema.safeParse(n).success).toBe(true);
    const leaked = { ...n, entries: [{ ...n.entries[0], idNumber: '430102199001011234' }] };
    expect(publicNoticeSchema.safeParse(leaked).success).toBe(false);
    expect(publicNoticeSchema.safeParse({ ...n, phone: '13800138000' }).success).toBe(false);
  });

  it('is refused for unsigned minutes, a start before the meeting, or nothing to post', () => {
    expect(refusal(() => buildNotice(signedBy(createMeeting(MEETING_INPUT), ['a1']), options, RULES)).message).toContain('尚未全部签字');
    expect(refusal(() => buildNotice(lockedMeeting(), { ...options, startDate: '2026-03-03' }, RULES)).message).toContain('不能早于评议会议日期');
    const onlyFailed = { ...MEETING_INPUT, items: [MEETING_INPUT.items[2]] };
    expect(refusal(() => buildNotice(signedBy(createMeeting(onlyFailed), ['a1', 'a2', 'a3', 'a4', 'a5']), options, RULES)).message).toContain('无需公示');
  });

  it('follows outcomes corrected by a fully signed addendum', () => {
    const correction = { id: 'x1', date: '2026-03-05', text: '第3项结果更正为通过', reason: '计票错误', corrections: [{ itemId: 'i3', votes: { agree: 4, disagree: 1, abstain: 0 }, outcome: 'pass' as const }], signerIds: ['a1'] };
    const pending = addAddendum(lockedMeeting(), correction);
    expect(buildNotice(pending, options, RULES).entries.map((e) => e.headName)).toEqual(['王大山']);
    const signed = signAddendum(pending, 'x1', padSig('a1'));
    expect(buildNotice(signed, options, RULES).entries.map((e) => e.headName)).toEqual(['王大山', '陈三']);
  });
});
