import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/result';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

// Reliability bar I-03: hostile input through the one dispatch every transport uses. For every
// API method, arbitrary values (and objects built from the method's own field names, so the
// fuzzer gets past the first schema layer): a typed error or a valid result, never a throw,
// never a hang, and a refused input leaves the database unchanged.
// CI: 12 inputs per method; GUARDLINE_LONG=1: 120 per method (> 10,000 in total).

const PER_METHOD = process.env.GUARDLINE_LONG === '1' ? 120 : 12;
const HANG_MS = 5_000; // generous: the CI box is shared; a real hang never returns at all
let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
  await seedVillage(t);
});
afterAll(() => t.close());

/** Top-level field names of a method's input (through default/optional wrappers). */
function fieldNames(schema: z.ZodType): string[] {
  let node = schema as unknown as { _zod: { def: { type: string; innerType?: unknown; shape?: Record<string, unknown>; in?: unknown } } };
  for (let i = 0; i < 5 && node; i++) {
    const def = node._zod.def;
    if (def.type === 'object') return Object.keys(def.shape ?? {});
    node = (def.innerType ?? def.in) as typeof node;
  }
  return [];
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('../../etc/passwd', '..\\..\\windows\\win.ini', "'; DROP TABLE households; --", '<script>alert(1)</script>', '=cmd|"/c calc"!A1', '\u0000', '𠮷'.repeat(300), '9'.repeat(5000), '__proto__', 'constructor'),
);
const leaf = fc.oneof(fc.anything({ maxDepth: 2 }), hostileString, fc.integer(), fc.double(), fc.constant(null), fc.array(hostileString, { maxLength: 5 }));

function inputArb(name: (typeof methodNames)[number]) {
  const keys = fieldNames(contract[name].input);
  const shaped = keys.length ? fc.dictionary(fc.constantFrom(...keys), leaf, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof(fc.anything({ maxDepth: 3 }), shaped, shaped.map((o) => ({ ...o, __proto__: { polluted: true } })));
}

const totalChanges = () => (t.backend.services.db.prepare(`SELECT total_changes() AS n`).get() as { n: number }).n;

async function callWithTimeout(name: string, input: unknown) {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)));
  try {
    return await Promise.race([t.backend.dispatch(name, input, t.admin), hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing every API method through dispatch', () => {
  it(`${methodNames.length} methods × ${PER_METHOD} hostile inputs: typed results only`, async () => {
    const failures: string[] = [];
    for (const name of methodNames) {
      await fc.assert(
        fc.asyncProperty(inputArb(name), async (input) => {
          const before = totalChanges();
          let result: Awaited<ReturnType<typeof callWithTimeout>>;
          try {
            result = await callWithTimeout(name, input);
          } catch (e) {
            failures.push(`${name}: threw ${String(e).slice(0, 200)}`);
            return;
          }
          if (result === 'hang') return void failures.push(`${name}: no answer within ${HANG_MS} ms`);
          if (typeof result !== 'object' || typeof result.ok !== 'boolean') return void failures.push(`${name}: not a Result`);
          if (result.ok) return;
          if (!ERROR_CODES.includes(result.error.code)) failures.push(`${name}: unknown error code ${String(result.error.code)}`);
          if (typeof result.error.message !== 'string' || !result.error.message) failures.push(`${name}: empty message`);
          if (result.error.code === 'internal') failures.push(`${name}: internal error for ${JSON.stringify(input)?.slice(0, 200)}`);
          // auth.* refusals are audited (failed logins, wrong current password): that write is the point.
          if (!name.startsWith('auth.') && totalChanges() !== before) failures.push(`${name}: a refused input changed the database`);
        }),
        { numRuns: PER_METHOD, seed: 1129 },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);

  it('without a session every non-public method answers unauthenticated', async () => {
    for (const name of methodNames.filter((n) => contract[n].access !== 'public' && !contract[n].testOnly)) {
      const r = await t.backend.dispatch(name, {}, null);
      expect(!r.ok && r.error.code, name).toBe('unauthenticated');
    }
  });

  it('unknown method names and prototype keys are not methods', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'households.drop', '../auth.login', 'a'.repeat(10_000)]) {
      const r = await t.backend.dispatch(name, {}, t.admin);
      expect(!r.ok && r.error.code).toBe('not_found');
    }
  });
});
