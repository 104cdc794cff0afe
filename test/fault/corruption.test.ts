import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/backend/backup/service';
import { openOfficeDatabase } from '../../electron/backend/lifecycle';
import { FixedClock } from '../../electron/backend/runtime';
import { seedVillage, startTestBackend, TEST_NOW } from '../support/backend';
import { addHouseholds, countRows, sha256Of } from './helpers';
import { prng } from './killHarness';

// Reliability bar F-08 / D-06: a scripted corruption matrix on copies of a fixture database.
// Every case is either handled transparently (quick_check ok and no row missing) or detected →
// read-only recovery mode on the last good backup, with the damaged bytes untouched on disk and
// copied (db + wal + shm) to quarantine/.

const HOUSEHOLDS = 60;
let fixtureDir: string;
const workDirs: string[] = [];
const silentLog = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  const t = await startTestBackend({ dataDir: mkdtempSync(join(tmpdir(), 'guardline-fixture-')) });
  const { villageId } = await seedVillage(t);
  await addHouseholds(t, villageId, HOUSEHOLDS);
  await createBackup(t.backend.services, 'manual');
  fixtureDir = t.dataDir;
  t.backend.close(); // checkpoints: the fixture is one self-contained file plus its backup
});
afterAll(() => {
  for (const d of [fixtureDir, ...workDirs]) rmSync(d, { recursive: true, force: true });
});

function copyFixture(): { dataDir: string; dbPath: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-corrupt-'));
  workDirs.push(dataDir);
  cpSync(fixtureDir, dataDir, { recursive: true });
  return { dataDir, dbPath: join(dataDir, 'guardline.db') };
}

function flipBytes(path: string, count: number, seed: number): void {
  const size = statSync(path).size;
  const pageSize = 4096;
  const rand = prng(seed);
  const fd = openSync(path, 'r+');
  for (let i = 0; i < count; i++) {
    const offset = pageSize + Math.floor(rand() * (size - pageSize)); // interior pages, header intact
    const byte = Buffer.alloc(1);
    byte[0] = Math.floor(rand() * 255) + 1;
    writeSync(fd, byte, 0, 1, offset);
  }
  closeSync(fd);
}

const CASES: { name: string; damage: (dbPath: string) => void; mustDetect: boolean }[] = [
  { name: 'truncated to half', damage: (p) => truncateSync(p, Math.floor(statSync(p).size / 2)), mustDetect: true },
  { name: 'zeroed 100-byte header', damage: (p) => overwrite(p, 0, Buffer.alloc(100)), mustDetect: true },
  { name: 'replaced by a text file', damage: (p) => writeFileSync(p, '这不是数据库'.repeat(500)), mustDetect: true },
  { name: 'zero length although backups exist', damage: (p) => truncateSync(p, 0), mustDetect: true },
  { name: 'missing, with a leftover -wal', damage: (p) => (unlinkSync(p), writeFileSync(`${p}-wal`, Buffer.alloc(8192, 7))), mustDetect: true },
  { name: 'a b-tree page overwritten', damage: (p) => overwrite(p, 4096 * 3, Buffer.alloc(4096, 0x5a)), mustDetect: true },
  ...[1, 10, 100].flatMap((n) => [11, 22, 33].map((seed) => ({ name: `${n} random bytes flipped (seed ${seed})`, damage: (p: string) => flipBytes(p, n, seed), mustDetect: false }))),
];

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('corruption matrix (start-up)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { dataDir, dbPath } = copyFixture();
      c.damage(dbPath);
      const before = existsSync(dbPath) ? sha256Of(dbPath) : null;
      const opened = await openOfficeDatabase({ dbPath, dataDir, clock: new FixedClock(TEST_NOW), log: silentLog });
      try {
        if (opened.recovery) {
          expect(opened.recovery.viewingBackup).toMatch(/manual\.db$/);
          expect(countRows(opened.db, 'households')).toBe(HOUSEHOLDS); // the recovery view is the last good backup
          const q = opened.recovery.quarantineDir!;
          if (before) expect(sha256Of(join(q, 'guardline.db'))).toBe(before);
          expect(existsSync(join(q, '说明.txt'))).toBe(true);
        } else {
          expect(c.mustDetect, 'this damage must be detected').toBe(false);
          expect(opened.db.pragma('quick_check', { simple: true })).toBe('ok');
          expect(countRows(opened.db, 'households')).toBe(HOUSEHOLDS); // transparent: nothing missing
        }
      } finally {
        opened.db.close();
      }
      // Never rewritten, never deleted, never recreated.
      if (opened.recovery) expect(existsSync(dbPath) ? sha256Of(dbPath) : null).toBe(before);
    });
  }

  it('a damaged database without any backup still starts (empty read-only view)', async () => {
    const { dataDir, dbPath } = copyFixture();
    rmSync(join(dataDir, 'backups'), { recursive: true });
    overwrite(dbPath, 0, Buffer.alloc(100));
    const bytes = readFileSync(dbPath);
    const opened = await openOfficeDatabase({ dbPath, dataDir, clock: new FixedClock(TEST_NOW), log: silentLog });
    expect(opened.recovery?.viewingBackup).toBeNull();
    expect(countRows(opened.db, 'households')).toBe(0);
    opened.db.close();
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it('a healthy database opens normally', async () => {
    const { dataDir, dbPath } = copyFixture();
    const opened = await openOfficeDatabase({ dbPath, dataDir, clock: new FixedClock(TEST_NOW), log: silentLog });
    expect(opened.recovery).toBeNull();
    expect(countRows(opened.db, 'households')).toBe(HOUSEHOLDS);
    opened.db.close();
  });
});
