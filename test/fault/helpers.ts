import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Session } from '../../electron/backend/context';
import { dumpDatabase } from '../../electron/backend/backup/logicalDump';
import { makeIdNumber } from '../../shared/domain/idCard';
import type { TestBackend } from '../support/backend';

// Shared helpers of the fault and security suites.

export const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A valid 身份证号 per index: birth dates step by day from 1950, sequence varies. */
export function idFor(i: number, region = '620523'): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return makeIdNumber(region, birth, String(100 + Math.floor(i / 20000)).padStart(3, '0'));
}

export async function addHouseholds(t: TestBackend, villageId: string, count: number, from = 0, session?: Session): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const h = await t.call('households.save', { villageId, householdType: '一般农户', address: `青山村${i}号`, members: [{ name: `测试户主${i}`, idNumber: idFor(i), relation: '户主' }] }, session);
    ids.push(h.id);
  }
  return ids;
}

/** A file's logical content, for equality checks (sessions are never part of it). */
export function dumpFile(path: string): Record<string, Record<string, unknown>[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

export const countRows = (db: Database.Database, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
