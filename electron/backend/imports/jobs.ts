import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DomainError } from '../../../shared/domain/errors';
import type { BackendServices } from '../context';

// Long-running import/export work: real progress events, cooperative cancel, and yielding to the event
// loop between chunks so other clerks' requests are served while a big file is parsed.

const running = new WeakMap<BackendServices, Map<string, Job>>();

const registry = (services: BackendServices): Map<string, Job> => {
  let map = running.get(services);
  if (!map) {
    map = new Map();
    running.set(services, map);
  }
  return map;
};

/** Thrown when the clerk pressed 取消; details.cancelled lets the UI tell it from a failure. */
export const cancelledError = (): DomainError => new DomainError('workflow_rule', '已取消，本次导入没有写入任何数据。', { cancelled: true });

export class Job {
  private cancelled = false;
  private lastPercent = -1;
  constructor(
    private readonly services: BackendServices,
    readonly id: string,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }

  /** Emits job.progress when the whole percent changes (or the message is final). */
  progress(percent: number, message: string): void {
    const p = Math.max(0, Math.min(100, Math.floor(percent)));
    if (p === this.lastPercent) return;
    this.lastPercent = p;
    this.services.emit('job.progress', { jobId: this.id, percent: p, message });
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw cancelledError();
  }

  /** Lets queued requests run, then checks for a cancel. Call between chunks of work. */
  async breathe(): Promise<void> {
    await yieldToLoop();
    this.throwIfCancelled();
  }

  finish(message: string, percent = 100): void {
    this.services.emit('job.progress', { jobId: this.id, percent, message, done: true });
  }
}

/** Runs `work` as job `jobId`; a second run with the same id while the first is busy is refused. */
export async function runJob<T>(services: BackendServices, jobId: string, work: (job: Job) => Promise<T>): Promise<T> {
  const jobs = registry(services);
  if (jobs.has(jobId)) throw new DomainError('conflict', '该导入正在进行中，请等待完成或先取消。');
  const job = new Job(services, jobId);
  jobs.set(jobId, job);
  try {
    return await work(job);
  } catch (e) {
    const cancelled = e instanceof DomainError && (e.details as { cancelled?: boolean } | undefined)?.cancelled;
    job.finish(cancelled ? '已取消' : '未完成', 0);
    throw e;
  } finally {
    jobs.delete(jobId);
  }
}

/** Asks a running job to stop at its next check; false when no such job is running. */
export function cancelRunningJob(services: BackendServices, jobId: string): boolean {
  const job = registry(services).get(jobId);
  if (!job) return false;
  job.cancel();
  return true;
}

/** Processes `items` in chunks, breathing between chunks; `onChunk` reports progress. */
export async function inChunks<T>(job: Job, items: readonly T[], size: number, each: (item: T, index: number) => void, onChunk?: (done: number) => void): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) each(items[i], i);
    onChunk?.(end);
    await job.breathe();
  }
}
