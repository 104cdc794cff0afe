import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../db/connection';
import { encodeRow, quoteId, type TableInfo } from './logicalDump';

// The tables of a logical export (exports.all) as parts of at most PART_ROWS rows, read one part at a time
// when the zip writer asks for it. A county database (1M members, ~1.4M audit rows) read whole, as format 1
// did, ran the backend out of memory (bench/probes/county-read-sweep.ts); a part is ~2–5 MB of JSON.

export const PART_ROWS = 5_000;

/** Zip entry of part `k` (1-based): part 1 keeps format 1's name, so a small table reads as before. */
export const partName = (table: string, k: number): string => (k === 1 ? `tables/${table}.json` : `tables/${table}.${k}.json`);

export const partsFor = (rows: number): number => Math.max(1, Math.ceil(rows / PART_ROWS));

export const countRows = (db: Db, table: string): number => db.prepare(`SELECT count(*) FROM ${quoteId(table)}`).pluck().get() as number;

const ROWID = '__dump_rowid';

/**
 * The parts of one table as lazy streams, in rowid order (as format 1's single file): each reads its rows when
 * the zip writer first pulls it, continuing from the previous part's last rowid. The zip writer reads entries
 * in order, one at a time (checked by test/fault/logical-export.test.ts), so every part starts where the
 * last one ended. `db` must hold one read transaction for the whole export: one consistent moment.
 */
export function tablePartStreams(db: Db, table: TableInfo, rows: number): Readable[] {
  const from = `SELECT rowid AS ${ROWID}, * FROM ${quoteId(table.name)}`;
  const first = db.prepare(`${from} ORDER BY rowid LIMIT ${PART_ROWS}`);
  const next = db.prepare(`${from} WHERE rowid > ? ORDER BY rowid LIMIT ${PART_ROWS}`);
  let after: number | null = null;
  const readPart = (): Buffer => {
    const raw = (after === null ? first.all() : next.all(after)) as Record<string, unknown>[];
    const out = raw.map(({ [ROWID]: rowid, ...row }) => {
      after = rowid as number;
      return encodeRow(row);
    });
    return Buffer.from(JSON.stringify(out));
  };
  return Array.from({ length: partsFor(rows) }, () =>
    Readable.from(
      (async function* part() {
        // Stream events run as microtasks, which never let a waiting request in: without this turn of the event
        // loop a county's export ran as one 60 s block (bench/probes/county-export.ts).
        await yieldToLoop();
        yield readPart();
      })(),
    ),
  );
}
