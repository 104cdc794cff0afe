/**
 * Time to build N 信息采集表 (default 1,000) two ways:
 *  - separate: one .docx per household (what "save each household's form" does);
 *  - batches:  merged batch-print documents of MAX_MERGED_FORMS households each.
 * Reports wall and CPU time (the machine is shared; CPU time is the steadier number).
 * Not part of `npm test`.   npx tsx bench/forms-batch.ts [N] [separate|batches|both]
 */
import { performance } from 'node:perf_hooks';
import type { IntakeFormVM } from '../electron/backend/documents/model';
import { buildDocx, buildMerged, MAX_MERGED_FORMS } from '../electron/backend/documents/registry';
import { intake } from '../test/integration/documents/fixtures';

const count = Number(process.argv[2] ?? 1000);
const mode = process.argv[3] ?? 'both';

/** Households differ in name and number so nothing is accidentally shared between builds. */
function household(i: number): IntakeFormVM {
  const suffix = String(i).padStart(6, '0');
  return { ...intake, 户: { ...intake.户, 户主姓名: `龚${suffix}`, 户编号: `430626108201${suffix}` } };
}

async function timed(run: () => Promise<number>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await run();
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    wallSeconds: +(wallMs / 1000).toFixed(1),
    cpuSeconds: +(cpuMs / 1000).toFixed(1),
    wallMsPerForm: +(wallMs / count).toFixed(1),
    cpuMsPerForm: +(cpuMs / count).toFixed(1),
    MiB: +(bytes / 1048576).toFixed(1),
    peakHeapMiB: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}

async function main(): Promise<void> {
  const models = Array.from({ length: count }, (_, i) => household(i));
  await buildDocx('intake', models[0]); // warm-up: module init, JIT
  const result: Record<string, unknown> = { forms: count, cores: (await import('node:os')).cpus().length };
  if (mode !== 'batches') {
    result.separate = await timed(async () => {
      let bytes = 0;
      for (const m of models) bytes += (await buildDocx('intake', m)).length;
      return bytes;
    });
  }
  if (mode !== 'separate') {
    result[`batchesOf${MAX_MERGED_FORMS}`] = await timed(async () => {
      let bytes = 0;
      for (let i = 0; i < models.length; i += MAX_MERGED_FORMS) bytes += (await buildMerged('intake', models.slice(i, i + MAX_MERGED_FORMS))).length;
      return bytes;
    });
  }
  console.log(JSON.stringify(result, null, 2));
}

await main();
