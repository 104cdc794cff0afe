import { makeIdNumber } from '../../../shared/domain/idCard';
import type { TestBackend } from '../../support/backend';

let seq = 0;

/** A household with one 普通劳动力 head (labour-capable under the seed profile). */
export async function addHousehold(t: TestBackend, villageId: string, name: string, labourSkill = '普通劳动力'): Promise<string> {
  seq += 1;
  const h = await t.call('households.save', {
    villageId,
    householdType: '脱贫户',
    members: [{ name, idNumber: makeIdNumber('620523', '19750101', seq), relation: '户主', labourSkill }],
  });
  return h.id;
}

/**
 * TEST SETUP ONLY — direct SQL: marks a household 监测中 as the procedures module (识别纳入, 县级审定)
 * will once it exists. Nothing in the app writes households.status this way.
 */
export function markMonitored(t: TestBackend, householdId: string, since: string, risks: string[], colour = 'yellow'): void {
  t.backend.services.db
    .prepare(`UPDATE households SET status = 'monitoring', category = '脱贫不稳定户', colour = ?, risk_types = ?, monitored_since = ? WHERE id = ?`)
    .run(colour, JSON.stringify(risks), since, householdId);
}

/** An uploaded file as POST /files would store it, owned by `username`. */
export function upload(t: TestBackend, name: string, username = 'admin'): string {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  return t.backend.services.files.put(bytes, { originalName: name, kind: 'upload', createdBy: username, at: t.clock.now().toISOString() }).id;
}

export const count = (t: TestBackend, sql: string, ...params: unknown[]): number => (t.backend.services.db.prepare(sql).get(...params) as { n: number }).n;
