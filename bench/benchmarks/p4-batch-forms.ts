import type { IntakeFormVM } from '../../electron/backend/documents/model';
import type { BenchContext } from '../context';
import { skip, type Benchmark } from '../harness';

// P4 — 1,000 信息采集表 (form key 'intake') through the worker-thread batch runner
// (electron/backend/jobs/batchDocx.ts, one worker per core) against the floor: the same documents
// built and packed directly (registry.buildDocx = new Document + Packer.toBuffer) one after the
// other on one thread. Target ≤ 1.2× — i.e. the pool may cost at most 20% over raw packing even
// counting worker start-up; on 2 free cores it should come in well under 1×.

type Build = (key: 'intake', model: IntakeFormVM) => Promise<Buffer>;
type Batch = (o: { formKey: 'intake'; models: IntakeFormVM[]; workers?: number; inlineBelow?: number }) => Promise<Buffer[]>;
interface State {
  models: IntakeFormVM[];
  buildDocx: Build;
  buildDocxBatch: Batch;
  shutdown: () => Promise<void>;
}

const benchmark: Benchmark<State> = {
  name: 'P4 batch forms 1,000 intake',
  target: { kind: 'ratio', max: 1.2 },
  // Each run is a whole batch (a fresh pool; the floor's JIT is warm after the set-up batch).
  warmup: 0,
  reps: 2,
  quickReps: 2,
  setup: async (ctx: BenchContext) => {
    let registry: { buildDocx: Build; FORMS: Record<string, unknown> };
    try {
      registry = (await import('../../electron/backend/documents/registry')) as unknown as typeof registry;
    } catch (e) {
      return skip(`documents/registry.ts not loadable yet: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!registry.FORMS.intake) return skip('the 信息采集表 (intake) builder is not registered yet');
    const { intakeModels } = await import('../fixtures/intakeModels');
    const { buildDocxBatch, shutdownDocxPool } = await import('../../electron/backend/jobs/batchDocx');
    const models = intakeModels(ctx.quick ? 100 : 1000);
    // Same documents on both sides: check counts and that each is a zip (a .docx) before timing.
    const ours = await buildDocxBatch({ formKey: 'intake', models: models.slice(0, 20), workers: 2, inlineBelow: 0 });
    if (ours.length !== 20 || ours.some((b) => b.subarray(0, 2).toString() !== 'PK')) throw new Error('batch runner returned something other than 20 .docx files');
    return { models, buildDocx: registry.buildDocx, buildDocxBatch: buildDocxBatch as Batch, shutdown: shutdownDocxPool };
  },
  // ours = a COLD pool (the first batch after start): the warm pool is shut down, untimed, before each run.
  prepare: (s) => s.shutdown(),
  ours: (s) => s.buildDocxBatch({ formKey: 'intake', models: s.models }),
  floor: async (s) => {
    const out: Buffer[] = [];
    for (const m of s.models) out.push(await s.buildDocx('intake', m));
    return out;
  },
  detail: async (s) => {
    const one = await s.buildDocx('intake', s.models[0]);
    // The pool left warm by the last run serves the next batch (kept POOL_IDLE_MS after a batch).
    const t0 = performance.now();
    await s.buildDocxBatch({ formKey: 'intake', models: s.models });
    const warmMs = Math.round(performance.now() - t0);
    await s.shutdown();
    return { documents: s.models.length, bytes_per_document: one.length, warm_pool_ms: warmMs };
  },
};

export default benchmark;
