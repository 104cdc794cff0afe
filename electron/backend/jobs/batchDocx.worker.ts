import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../shared/domain/errors';
import { buildDocx, type FormKey, type FormModels } from '../documents/registry';
import type { WorkerReply, WorkerTask } from './batchDocx';

// One worker of the batch-docx pool (batchDocx.ts): builds each model of a chunk with the same
// registry.buildDocx as a single print, and transfers the bytes back without copying. Each task
// names its form, so a warm pool serves any form.

async function buildChunk(task: WorkerTask): Promise<WorkerReply> {
  try {
    const buffers: ArrayBuffer[] = [];
    for (const model of task.models) {
      const b = await buildDocx(task.formKey, model as FormModels[FormKey], task.print);
      // A Buffer may be a view into Node's shared pool: copy out exactly its bytes to transfer.
      const whole = b.byteOffset === 0 && b.buffer.byteLength === b.byteLength;
      buffers.push((whole ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as ArrayBuffer);
    }
    return { seq: task.seq, buffers };
  } catch (e) {
    const error = e instanceof DomainError ? { code: e.code, message: e.message, details: e.details } : { message: e instanceof Error ? e.message : String(e) };
    return { seq: task.seq, error };
  }
}

parentPort!.on('message', (task: WorkerTask) => {
  void buildChunk(task).then((reply) => parentPort!.postMessage(reply, 'buffers' in reply ? reply.buffers : []));
});
