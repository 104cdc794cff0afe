import { makeIdNumber } from '../../shared/domain/idCard';
import { expect, test } from './fixtures';
import { MeetingPage } from './pages/MeetingPage';

// A 民主评议会 run in the UI: minutes entered, three attendees sign on the pad (mouse strokes on the
// canvas) and one is marked 纸质签字 with a scan; the minutes lock with their SHA-256; an edit is refused.
test('deliberation meeting: pad and paper signatures lock the minutes; a later edit is refused', async ({ loggedIn: page, server }) => {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  const village = await server.api<{ id: string }>('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  const group = await server.api<{ id: string }>('divisions.save', { level: 'group', name: '三组', parentId: village.id });
  const household = await server.api<{ id: string }>('households.save', {
    villageId: village.id,
    groupId: group.id,
    householdType: '一般农户',
    members: [
      { name: '王大山', idNumber: makeIdNumber('430121', '19700315', '011'), relation: '户主', labourSkill: '普通劳动力' },
      { name: '李秀英', idNumber: makeIdNumber('430121', '19720601', '022'), relation: '配偶' },
    ],
  });
  const opened = await server.api<{ id: string }>('cases.open', { householdId: household.id, kind: 'identification' });
  await server.api('cases.advance', {
    caseId: opened.id,
    step: 'apply',
    data: { date: '2026-11-29', applicantName: '王大山', receivedBy: '村委会', commitment: true, authorisation: true, mark: { signed: true, fingerprint: true, medium: 'paper' } },
  });
  await server.api('cases.advance', { caseId: opened.id, step: 'verify', data: { date: '2026-11-29', verifiers: [{ name: '赵镇干' }, { name: '钱驻村' }] } });

  const meeting = new MeetingPage(page);
  await meeting.openNew();
  await meeting.fillHeader({ village: '石桥村', place: '村委会会议室', host: '张书记', recorder: '李会计' });
  await meeting.attendee(1, '张书记', '村两委');
  await meeting.attendee(2, '钱队员', '驻村工作队');
  await meeting.attendee(3, '孙党员', '党员代表');
  await meeting.attendee(4, '周组长', '村民小组长');
  await meeting.addItem(1, /王大山/, '边缘易致贫户', [4, 0, 0]);
  await page.getByLabel('会议内容').fill('逐户评议王大山户，入户核查属实。');
  await meeting.save();

  await expect(page.getByTestId('meeting-title')).toHaveText(/2026-11-29 石桥村民主评议会/);
  await expect(page.getByText('签字中 0/4')).toBeVisible();

  await meeting.signOnPad('张书记', 1);
  await meeting.signOnPad('钱队员', 2);
  await meeting.signOnPaper('周组长');
  await expect(page.getByTestId('meeting-locked')).toHaveCount(0);
  await meeting.signOnPad('孙党员', 3);

  await expect(page.getByTestId('meeting-locked')).toBeVisible();
  const hash = page.getByTestId('lock-hash');
  await expect(hash).toContainText(/[0-9a-f]{64}/);
  const fromApi = await server.api<{ lockHash: string; meeting: { signatures: { kind: string }[] } }>('meetings.get', { id: new URL(page.url()).hash.split('/').pop() });
  await expect(hash).toContainText(fromApi.lockHash);
  expect(fromApi.meeting.signatures.map((s) => s.kind).sort()).toEqual(['paper', 'pad', 'pad', 'pad'].sort());

  // An edit after the lock is refused, and says how to correct instead.
  await page.getByRole('button', { name: '修改会议记录' }).click();
  const drawer = page.getByRole('dialog', { name: '修改会议记录' });
  await expect(drawer.getByText('已全部签字并锁定')).toBeVisible();
  await drawer.getByLabel('会议地点').fill('村小学会议室');
  await drawer.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.locator('.ant-message').getByText(/已全部签字并锁定，不能修改/)).toBeVisible();
  const after = await server.api<{ meeting: { place: string }; lockHash: string }>('meetings.get', { id: new URL(page.url()).hash.split('/').pop() });
  expect(after.meeting.place).toBe('村委会会议室');
  expect(after.lockHash).toBe(fromApi.lockHash);
});
