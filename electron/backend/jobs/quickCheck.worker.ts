import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

// quickCheck.ts's worker: a READ-ONLY connection (it can neither write nor checkpoint the file),
// PRAGMA quick_check(100), the verdict posted back.

const { dbPath } = workerData as { dbPath: string };
let reply: { ok: boolean; messages: string[] };
try {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const lines = (db.pragma('quick_check(100)') as Record<string, string>[]).map((r) => Object.values(r)[0]);
    reply = { ok: lines.length === 1 && lines[0] === 'ok', messages: lines.filter((l) => l !== 'ok') };
  } finally {
    db.close();
  }
} catch (e) {
  reply = { ok: false, messages: [e instanceof Error ? e.message : String(e)] };
}
parentPort!.postMessage(reply);
