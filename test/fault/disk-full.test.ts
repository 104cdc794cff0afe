import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../electron/backend/context';
import { toFailure } from '../../electron/backend/dispatch';
import { saveHousehold } from '../../electron/backend/handlers/households';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';
import { countRows, idFor } from './helpers';

// Reliability bar F-06 (simulated): the disk fills up in the middle of a one-transaction import.
// `PRAGMA max_page_count` makes SQLite answer SQLITE_FULL exactly as a full volume would, without
// needing a loop-mounted tiny filesystem. Pass: a clear 磁盘空间 message, nothing of the import
// committed, the database intact and usable once space is back.

describe('disk full during an import', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('rolls the whole import back and says so in Chinese', async () => {
    const { villageId } = await seedVillage(t);
    const db = t.backend.services.db;
    const households = countRows(db, 'households');
    const audits = countRows(db, 'audit_log');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 20}`);

    const ctx = new HandlerContext(t.backend.services, t.admin);
    let failure: ReturnType<typeof toFailure> | null = null;
    try {
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) {
          saveHousehold(ctx, { villageId, householdType: '一般农户', address: `青山村${i}号`.repeat(10), members: [{ name: `导入${i}`, idNumber: idFor(i), relation: '户主' }] });
        }
      })();
    } catch (e) {
      failure = toFailure(e, 'imports.commit', { error: () => {}, warn: () => {} });
    }
    expect(failure && !failure.ok && failure.error.code).toBe('io');
    expect(failure && !failure.ok && failure.error.message).toContain('磁盘空间已满');
    expect(countRows(db, 'households')).toBe(households);
    expect(countRows(db, 'audit_log')).toBe(audits);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '恢复后', relation: '户主' }] });
    expect(countRows(db, 'households')).toBe(households + 1);
  });
});
