// A 民主评议会 with identification and elimination items, shared by meeting and notice tests.
import { addSignature, createMeeting, type Meeting } from '../../shared/domain/meeting';

export const MEETING_INPUT = {
  id: 'm1',
  villageName: '青山村',
  date: '2026-03-04',
  time: '09:30',
  place: '村委会会议室',
  host: '张书记',
  recorder: '李会计',
  attendees: [
    { id: 'a1', name: '张书记', role: '村两委', unit: '青山村' },
    { id: 'a2', name: '李会计', role: '村两委' },
    { id: 'a3', name: '钱队员', role: '驻村工作队', unit: '县农业农村局' },
    { id: 'a4', name: '孙党员', role: '党员代表' },
    { id: 'a5', name: '周组长', role: '村民小组长' },
  ],
  items: [
    {
      id: 'i1',
      caseId: 'c1',
      caseKind: 'identification',
      headName: '王大山',
      villageGroup: '三组',
      memberCount: 4,
      proposal: '边缘易致贫户',
      situation: '长子患尿毒症，透析自付高；身份证 430102199001011234，电话 13800138000',
      needs: '医疗救助',
      votes: { agree: 4, disagree: 1, abstain: 0 },
      outcome: 'pass',
    },
    { id: 'i2', caseId: 'e1', caseKind: 'elimination', headName: '刘二', villageGroup: '一组', proposal: '帮扶消除', votes: { agree: 5, disagree: 0, abstain: 0 }, outcome: 'pass' },
    { id: 'i3', caseId: 'c3', caseKind: 'identification', headName: '陈三', villageGroup: '二组', proposal: '突发严重困难户', votes: { agree: 1, disagree: 3, abstain: 1 }, outcome: 'fail' },
  ],
};

export const padSig = (attendeeId: string) => ({ attendeeId, kind: 'pad' as const, imageRef: `sig-${attendeeId}.png`, signedAt: '2026-03-04T02:00:00.000Z' });

export function signedBy(meeting: Meeting, ids: string[]): Meeting {
  return ids.reduce((m, id) => addSignature(m, padSig(id)), meeting);
}

export const lockedMeeting = (): Meeting => signedBy(createMeeting(MEETING_INPUT), ['a1', 'a2', 'a3', 'a4', 'a5']);
