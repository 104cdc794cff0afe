import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { DomainError } from '../../../shared/domain/errors';
import type { ErrorCode } from '../../../shared/api/result';
import { buildDocx, type FormKey, type FormModels } from '../documents/registry';
import type { PrintOptions } from '../documents/options';
import { jobEntry, spawnWorker } from './spawnWorker';

// Batch form generation (批量打印: 1,000 信息采集表) on every core: a small pool of worker threads,
// each building and packing whole documents with the same registry.buildDocx the single-form path
// uses, so a batch document is byte-for-byte what one household's print would give. Models go out
// in chunks pulled by whichever worker is free (forms differ in size); buffers come back
// transferred, not copied, and are returned in input order.
//
// Packing is CPU-bound JS: on the main thread 1,000 forms would block every other request for
// seconds. Here the main thread only posts messages. A pool stays warm for a minute after a batch
// (a fresh worker pays module loading and a cold JIT: ~1 s before its first form), and is unref'd
// so an idle pool never keeps the process alive. Tiny batches skip the pool.

export interface BatchDocxOptions<K extends FormKey> {
  formKey: K;
  models: readonly FormModels[K][];
  print?: PrintOptions;
  /** Worker threads; default: one per core. */
  workers?: number;
  /** Below this many models the batch is built on the calling thread. Default 8. */
  inlineBelow?: number;
  /** Models per message. Default 8. */
  chunkSize?: number;
  /** After each chunk: documents finished so far, and the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What a worker receives: one chunk of models of one form. */
export interface WorkerTask {
  seq: number;
  formKey: FormKey;
  print: PrintOptions;
  models: unknown[];
}
/** What the worker sends back for one chunk. */
export type WorkerReply = { seq: number; buffers: ArrayBuffer[] } | { seq: number; error: { code?: ErrorCode; message: string; details?: unknown } };

/** How long an idle pool is kept for the next batch. */
export const POOL_IDLE_MS = 60_000;

let warm: { workers: Worker[]; timer: NodeJS.Timeout } | null = null;

/** Terminates the warm pool now (shutdown, tests, benchmarks measuring a cold start). */
export async function shutdownDocxPool(): Promise<void> {
  const pool = warm;
  warm = null;
  if (!pool) return;
  clearTimeout(pool.timer);
  await Promise.all(pool.workers.map((w) => w.terminate()));
}

function acquire(size: number): Worker[] {
  if (warm && warm.workers.length >= size) {
    const pool = warm;
    warm = null; // a concurrent batch gets its own workers
    clearTimeout(pool.timer);
    for (const w of pool.workers) w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
    return pool.workers;
  }
  return Array.from({ length: size }, () => spawnWorker(jobEntry('batchDocx.worker'), null));
}

function release(workers: Worker[], healthy: boolean): void {
  for (const w of workers) w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (!healthy || warm) return void workers.forEach((w) => void w.terminate());
  for (const w of workers) w.unref();
  const timer = setTimeout(() => void shutdownDocxPool(), POOL_IDLE_MS);
  timer.unref();
  warm = { workers, timer };
}

export async function buildDocxBatch<K extends FormKey>(options: BatchDocxOptions<K>): Promise<Buffer[]> {
  const { models, signal } = options;
  signal?.throwIfAborted();
  if (models.length === 0) return [];
  const poolSize = Math.max(0, Math.min(options.workers ?? availableParallelism(), Math.ceil(models.length / (options.chunkSize ?? 8))));
  if (poolSize === 0 || models.length < (options.inlineBelow ?? 8)) return buildInline(options);
  return buildInPool(options, acquire(poolSize));
}

async function buildInline<K extends FormKey>(options: BatchDocxOptions<K>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const model of options.models) {
    options.signal?.throwIfAborted();
    out.push(await buildDocx(options.formKey, model, options.print));
    options.onProgress?.(out.length, options.models.length);
  }
  return out;
}

function buildInPool<K extends FormKey>(options: BatchDocxOptions<K>, workers: Worker[]): Promise<Buffer[]> {
  const { models, signal } = options;
  const chunk = options.chunkSize ?? 8;
  const chunks = Math.ceil(models.length / chunk);
  const results: Buffer[] = new Array(models.length);
  let next = 0;
  let finishedChunks = 0;
  let done = 0;
  return new Promise<Buffer[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // A failed or cancelled batch may leave chunks in flight: those workers are not reused.
      release(workers, error === null);
      if (error) reject(error);
      else resolve(results);
    };
    const onAbort = () => finish(signal?.reason ?? new DomainError('conflict', '批量生成已取消。'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (w: Worker) => {
      if (next >= chunks) return;
      const seq = next++;
      w.postMessage({ seq, formKey: options.formKey, print: options.print ?? {}, models: models.slice(seq * chunk, (seq + 1) * chunk) } satisfies WorkerTask);
    };
    const onReply = (w: Worker, reply: WorkerReply) => {
      if ('error' in reply) return finish(new DomainError(reply.error.code ?? 'internal', reply.error.message, reply.error.details));
      reply.buffers.forEach((b, i) => (results[reply.seq * chunk + i] = Buffer.from(b)));
      done += reply.buffers.length;
      finishedChunks += 1;
      options.onProgress?.(done, models.length);
      if (finishedChunks === chunks) finish(null);
      else feed(w);
    };
    for (const w of workers) {
      w.ref();
      w.on('message', (reply: WorkerReply) => onReply(w, reply));
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => finish(new Error(`batch docx worker exited with code ${code}`)));
      // Two chunks in flight per worker: the next one is waiting when the current one is posted back.
      feed(w);
      feed(w);
    }
  });
}
