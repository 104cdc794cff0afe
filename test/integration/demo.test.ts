import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoVillages, generateHouseholds } from '../../electron/backend/demo/generator';
import { createBackend } from '../../electron/backend/index';
import { FixedClock } from '../../electron/backend/runtime';
import { validateIdNumber } from '../../shared/domain/idCard';

describe('demo township generator', () => {
  it('is deterministic and produces valid, unique ID numbers', () => {
    const opts = { seed: 7, households: 300 };
    const a = [...generateHouseholds(opts, demoVillages(opts))];
    const b = [...generateHouseholds(opts, demoVillages(opts))];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = [...generateHouseholds({ ...opts, seed: 8 }, demoVillages({ ...opts, seed: 8 }))];
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));

    const ids = a.flatMap((h) => h.members.map((m) => m.idNumber!));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(validateIdNumber(id, '2026-11-29').ok).toBe(true);
    expect(a.every((h) => h.members.filter((m) => m.relation === '户主').length === 1)).toBe(true);
    const types = new Set(a.map((h) => h.householdType));
    expect(types).toEqual(new Set(['脱贫户', '一般农户']));
    const villages = demoVillages(opts).length;
    expect(villages).toBeGreaterThanOrEqual(3);
    expect(villages).toBeLessThanOrEqual(5);
  });

  it('seeds a 2,000-household township through the first-run page, with audit rows', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gl-demo-'));
    const backend = await createBackend({ dataDir, clock: new FixedClock('2026-11-29T02:00:00Z'), log: { error: () => {}, warn: () => {} } });
    try {
      const started = performance.now();
      const r = await backend.dispatch('auth.setupAdmin', { displayName: '管理员', password: 'Demo-Passw0rd', demo: true }, null);
      const ms = performance.now() - started;
      expect(r.ok).toBe(true);
      const db = backend.services.db;
      const n = (db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
      expect(n).toBe(2000);
      const monitored = (db.prepare(`SELECT count(*) AS n FROM households WHERE status = 'monitoring'`).get() as { n: number }).n;
      expect(monitored).toBeGreaterThan(0);
      const audited = (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'household'`).get() as { n: number }).n;
      expect(audited).toBe(2000);
      // The demo's monitored status reaches the change log too (county sync sees what the register shows).
      const synced = (db.prepare(`SELECT count(DISTINCT entity_id) AS n FROM change_log WHERE entity = 'household' AND json_extract(data, '$.status') = 'monitoring'`).get() as { n: number }).n;
      expect(synced).toBe(monitored);
      console.log(`demo township: ${n} households seeded in ${Math.round(ms)} ms`);
      // A second setup is refused: the admin exists now.
      const again = await backend.dispatch('auth.setupAdmin', { displayName: 'x', password: 'Demo-Passw0rd', demo: false }, null);
      expect(again.ok).toBe(false);
    } finally {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
