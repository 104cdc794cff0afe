import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirOf, listBackups } from '../../electron/backend/backup/store';
import { closeDatabase } from '../../electron/backend/db/connection';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { createBackend, type Backend } from '../../electron/backend/index';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';
import { TEST_NOW } from '../support/backend';

// Reliability bar M-02: the committed schema-version-1 fixture (test/fixtures/schema-v1.db, made
// by make-schema-v1.ts) migrates to the latest schema with its tricky data intact — 生僻字 outside
// the BMP (𠮷 U+20BB7, 𪚥), X check digits, empty and +86 phones, formula-like text, a disabled
// village account — a verified pre-migration backup is taken, and the resulting schema is the
// one a fresh install gets.

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'schema-v1.db');
const FIXTURE_PASSWORD = 'Fixture#2026v1';
const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  backends.splice(0).forEach((b) => closeDatabase(b.services.db));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function open(withFixture: boolean): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-migrate-'));
  dirs.push(dataDir);
  if (withFixture) copyFileSync(FIXTURE, join(dataDir, 'guardline.db'));
  const b = await createBackend({ dataDir, clock: new FixedClock(TEST_NOW), ids: sequentialIds('0000000f'), log: { error: () => {}, warn: () => {} }, adminPassword: withFixture ? undefined : 'Fresh#2026ok' });
  backends.push(b);
  return b;
}

const schemaOf = (b: Backend) =>
  b.services.db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all();

describe('schema version 1 fixture', () => {
  it('migrates to the latest version with the data intact and a pre-migration backup', async () => {
    const b = await open(true);
    const db = b.services.db;
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const head = db.prepare(`SELECT head_name, head_id_number, phone, address FROM households WHERE id = ?`).get('00000000-0000-7000-8000-000000000020');
    expect(head).toEqual({ head_name: '𠮷祥', head_id_number: '11010519491231002X', phone: '', address: '𡌶家坪村一组8号' });
    const names = (db.prepare(`SELECT name FROM members ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['𠮷祥', '古丽·买买提', '𪚥', '-王五']);
    expect([...'𠮷祥'].length).toBe(2); // one code point, not two UTF-16 halves
    expect(db.prepare(`SELECT address, phone FROM households WHERE id = ?`).get('00000000-0000-7000-8000-000000000021')).toEqual({ address: '=HYPERLINK("http://x")', phone: '+8613800001234' });
    expect((db.prepare(`SELECT summary FROM audit_log ORDER BY seq LIMIT 2`).all() as { summary: string }[]).map((r) => r.summary)).toEqual(['新建农户「𠮷祥」', '修改农户「𠮷祥」']);

    const backups = listBackups(backupDirOf(b.services.dataDir));
    expect(backups.some((x) => x.reason === 'pre-migration' && x.schemaVersion === 1)).toBe(true);

    const login = await b.dispatch('auth.login', { username: 'admin', password: FIXTURE_PASSWORD }, null);
    expect(login.ok).toBe(true);
    const disabled = await b.dispatch('auth.login', { username: 'cun01', password: 'Village#2026v1' }, null);
    expect(disabled.ok).toBe(false);
    const session = b.authenticate((login as { value: { token: string } }).value.token)!;
    const list = await b.dispatch('households.list', { filter: {} }, session);
    expect(list.ok && (list.value as { total: number }).total).toBe(2);
  });

  it('ends with exactly the schema of a fresh install', async () => {
    const migrated = await open(true);
    const fresh = await open(false);
    expect(schemaOf(migrated)).toEqual(schemaOf(fresh));
  });
});
