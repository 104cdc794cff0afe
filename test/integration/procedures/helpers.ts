// Shared setup for the procedure integration tests: a village, a household, a signed meeting, a tiny
// PNG like the signature pad makes, and register facts (收入核算, 三保障评估, 帮扶措施) written straight
// into the other areas' tables so these tests do not depend on those screens' input rules.
import { deflateSync } from 'node:zlib';
import type { MeetingDetail } from '../../../shared/api/methods/meetings';
import type { CaseDetail } from '../../../shared/api/schemas/procedures';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { seedVillage, type TestBackend } from '../../support/backend';

export const HEAD_ID = makeIdNumber('430121', '19700315', '011');
export const SPOUSE_ID = makeIdNumber('430121', '19720601', '022');

export function householdInput(villageId: string, groupId: string | null, headName = '王大山', ids = [HEAD_ID, SPOUSE_ID]) {
  return {
    villageId,
    groupId,
    householdType: '一般农户',
    phone: '13800001234',
    members: [
      { name: headName, idNumber: ids[0], relation: '户主', labourSkill: '普通劳动力', insuredMedical: true },
      { name: `${headName.slice(0, 1)}秀英`, idNumber: ids[1], relation: '配偶', labourSkill: '普通劳动力', insuredMedical: true },
    ],
  };
}

export async function setup(t: TestBackend) {
  const { townshipId, villageId, groupIds } = await seedVillage(t);
  return { townshipId, villageId, groupIds };
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small greyscale PNG with one dark line, base64 (what the pad's canvas.toDataURL gives, minus the prefix). */
export function padPngBase64(width = 60, height = 20): string {
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  for (let x = 5; x < width - 5; x++) raw[(height >> 1) * (width + 1) + 1 + x] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return png.toString('base64');
}

/** An uploaded scan (纸质签字页 / 告知书), as the HTTP upload would store it. */
export function uploadScan(t: TestBackend, name = '签字页.jpg'): string {
  const s = t.backend.services;
  return s.files.put(Buffer.from('fake scan bytes'), { originalName: name, kind: 'upload', at: s.clock.now().toISOString() }).id;
}

export const ATTENDEES = [
  { name: '张书记', role: '村两委' },
  { name: '钱队员', role: '驻村工作队' },
  { name: '孙党员', role: '党员代表' },
];

/** Saves minutes for the given cases (all passed, 3 votes for) and returns them. */
export async function saveMeeting(t: TestBackend, villageId: string, date: string, items: { caseId: string; proposal?: string; outcome?: 'pass' | 'fail' }[]): Promise<MeetingDetail> {
  return t.call('meetings.save', {
    villageId,
    date,
    time: '09:30',
    place: '村委会会议室',
    host: '张书记',
    recorder: '李会计',
    minutesText: '逐户评议。',
    attendees: ATTENDEES,
    items: items.map((i) => ({
      caseId: i.caseId,
      proposal: i.proposal,
      votes: i.outcome === 'fail' ? { agree: 0, disagree: 3, abstain: 0 } : { agree: 3, disagree: 0, abstain: 0 },
      outcome: i.outcome ?? 'pass',
    })),
  });
}

/** Every attendee signs on the pad. */
export async function signAll(t: TestBackend, m: MeetingDetail): Promise<MeetingDetail> {
  let d = m;
  for (const a of m.meeting.attendees) d = await t.call('meetings.sign', { meetingId: m.id, attendeeId: a.id, signature: { kind: 'pad', pngBase64: padPngBase64() } });
  return d;
}

export const advance = (t: TestBackend, c: CaseDetail, step: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.call('cases.advance', { caseId: c.id, step: step as never, data, ...extra });

export const verifyData = (date: string, names = ['赵镇干', '钱驻村']) => ({ date, verifiers: names.map((name) => ({ name })), findings: '家庭成员 2 人，户主务工不稳定。' });

/** 收入核算 / 三保障评估 / 已实施帮扶措施 rows, written the way those areas store them. */
export function writeEliminationFacts(t: TestBackend, householdId: string, on: string, perCapitaFen = 1_200_000): void {
  const db = t.backend.services.db;
  const at = t.backend.services.clock.now().toISOString();
  db.prepare(
    `INSERT INTO income_accounts (id, household_id, accounted_on, window_kind, window_from, window_to, line_year, divisor, members_at_window_end,
       wage_fen, business_fen, business_cost_fen, property_fen, transfer_fen, claims_fen, self_paid_fen, gross_income_fen, net_income_fen,
       self_paid_deducted_fen, per_capita_fen, poverty_line_fen, monitoring_line_fen, comparison, gap_to_monitoring_fen, created_at, updated_at)
     VALUES ('inc-1', ?, ?, 'rolling12', '2026-06-01', ?, 2027, 2, 2, ?, 0, 0, 0, 0, 0, 0, ?, ?, 0, ?, 450000, 800000, 'atOrAboveMonitoring', 0, ?, ?)`,
  ).run(householdId, on, on, perCapitaFen * 2, perCapitaFen * 2, perCapitaFen * 2, perCapitaFen, at, at);
  const pass = { pass: true, note: '达标' };
  const items = { food: pass, clothing: pass, education: pass, medical: pass, housing: pass, water: pass };
  db.prepare(
    `INSERT INTO assessments (id, household_id, assessed_on, assessor, items, water, colour, colour_reason, facts, created_at, updated_at)
     VALUES ('ass-1', ?, ?, '赵镇干', ?, '{"quantity":true,"quality":true,"convenience":true}', 'blue', '稳定', '{}', ?, ?)`,
  ).run(householdId, on, JSON.stringify(items), at, at);
  db.prepare(
    `INSERT INTO measures (id, household_id, category, content, status, actual_start, created_at, updated_at)
     VALUES ('mea-1', ?, 'employment', '公益性岗位', 'implemented', ?, ?, ?)`,
  ).run(householdId, on, at, at);
}
