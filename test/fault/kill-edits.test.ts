import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/backend/db/connection';
import { seedVillage, startTestBackend } from '../support/backend';
import type { EditCommand } from './child/worker';
import { killAfter, LONG, startWorker, workerBundle } from './killHarness';

// Reliability bar F-04 / L-03: a fast-check generated sequence of ordinary edits (create a
// household, change its address) runs in a child process, each command its own transaction, and
// is SIGKILLed at a random moment. The database must then equal the model after the last
// ACKNOWLEDGED command, or after the one in flight — and every applied change must have exactly
// its audit row and change_log row (same transaction). One database is used across iterations,
// like an office that crashes now and then. CI: 30 sequences; GUARDLINE_LONG=1: 500.

const RUNS = LONG ? 500 : 30;
type Model = Map<string, string>; // head name → address
let dataDir: string;
let planDir: string;

beforeAll(async () => {
  await workerBundle();
  const t = await startTestBackend();
  await seedVillage(t);
  dataDir = t.dataDir;
  t.backend.close();
  planDir = mkdtempSync(join(tmpdir(), 'guardline-plans-'));
}, 120_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(planDir, { recursive: true, force: true });
});

function readState(): { model: Model; householdAudits: number; householdChanges: number } {
  const db = openDatabase(join(dataDir, 'guardline.db'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare(`SELECT head_name, address FROM households`).all() as { head_name: string; address: string }[];
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      model: new Map(rows.map((r) => [r.head_name, r.address])),
      householdAudits: n(`SELECT count(*) AS n FROM audit_log WHERE entity = 'household'`),
      householdChanges: n(`SELECT count(*) AS n FROM change_log WHERE entity = 'household'`),
    };
  } finally {
    closeDatabase(db);
  }
}

const apply = (model: Model, c: EditCommand): Model => new Map(model).set(c.name, c.address);
const same = (a: Model, b: Model) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Plans: creates, and edits of households created earlier in the same plan. */
const planArb = (tag: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.nat(), fc.stringMatching(/^[a-z0-9]{1,12}$/)), { minLength: 3, maxLength: 25 })
    .map((steps) => {
      const created: string[] = [];
      return steps.map(([isEdit, pick, text], i): EditCommand => {
        if (isEdit && created.length) return { op: 'edit', name: created[pick % created.length], address: `改${i}-${text}` };
        const name = `户主${tag}-${i}`;
        created.push(name);
        return { op: 'create', name, address: `建${i}-${text}` };
      });
    });

describe('kill during ordinary edits', () => {
  it(`${RUNS} killed edit sequences: the database equals the acknowledged model (or one step further)`, async () => {
    let run = 0;
    let committedSteps = 0;
    let cutShort = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), async (killPermille, salt) => {
        run += 1;
        const tag = `r${run}s${salt}`;
        const plan = fc.sample(planArb(tag), { numRuns: 1, seed: salt })[0];
        const start = readState();
        const file = join(planDir, `${tag}.json`);
        writeFileSync(file, JSON.stringify(plan));
        const worker = await startWorker(['edits', dataDir, file]);
        await worker.waitFor('READY');
        await killAfter(worker, (killPermille / 10_000) * plan.length * 40);
        const acked = worker.lines.filter((l) => l.startsWith('ACK ')).length;
        const end = readState();

        let model = start.model;
        for (const c of plan.slice(0, acked)) model = apply(model, c);
        const inFlight = plan[acked];
        const applied = same(end.model, model) ? acked : inFlight && same(end.model, apply(model, inFlight)) ? acked + 1 : -1;
        expect(applied, `state after ${acked} acks matches neither the model nor the model + the command in flight`).toBeGreaterThanOrEqual(0);
        // Each applied households.save wrote exactly one household audit row and one change_log row.
        expect(end.householdAudits - start.householdAudits).toBe(applied);
        expect(end.householdChanges - start.householdChanges).toBe(applied);
        committedSteps += applied;
        if (applied < plan.length) cutShort += 1;
      }),
      { numRuns: RUNS, seed: 424242, endOnFailure: true },
    );
    expect(committedSteps).toBeGreaterThan(0);
    expect(cutShort, 'no sequence was actually cut short by a kill').toBeGreaterThan(0);
  }, LONG ? 3_600_000 : 300_000);
});
