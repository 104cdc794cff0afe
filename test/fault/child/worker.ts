import { readFileSync } from 'node:fs';
import { createBackup } from '../../../electron/backend/backup/service';
import { HandlerContext, type Session } from '../../../electron/backend/context';
import { saveHousehold } from '../../../electron/backend/handlers/households';
import { createBackend } from '../../../electron/backend/index';
import { restoreBackup } from '../../../electron/backend/backup/restore';
import { sequentialIds } from '../../../electron/backend/runtime';

// The process the fault tests SIGKILL. Bundled once per test run with esbuild (fast start-up);
// speaks to the parent through stdout lines: READY, BEGIN, ACK <i> <id>, DONE.
//   import  <dataDir> <rows> <tag>   one transaction: <rows> households + one import.commit audit row
//   edits   <dataDir> <planFile>     households.save per command, each its own transaction
//   backup  <dataDir>                createBackup(manual)
//   restore <dataDir> <backupId>     restoreBackup
//   open    <dataDir>                createBackend only (migrations, start-up maintenance)

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const [mode, dataDir, arg, tag] = process.argv.slice(2);
  const backend = await createBackend({ dataDir, ids: sequentialIds(`${Date.now().toString(16).slice(-8)}`), log: { error: () => {}, warn: () => {} } });
  const admin = backend.services.db.prepare(`SELECT id, username, display_name FROM users WHERE username = 'admin'`).get() as { id: string; username: string; display_name: string };
  const session: Session = { userId: admin.id, username: admin.username, displayName: admin.display_name, role: 'admin', scope: { kind: 'all' }, tokenHash: 'fault-test' };
  const ctx = new HandlerContext(backend.services, session);
  const villageId = (backend.services.db.prepare(`SELECT id FROM divisions WHERE level = 'village' LIMIT 1`).get() as { id: string }).id;
  say('READY');
  if (mode === 'import') runImport(ctx, villageId, Number(arg), tag);
  if (mode === 'edits') await runEdits(backend.dispatch, session, villageId, JSON.parse(readFileSync(arg, 'utf8')) as EditCommand[]);
  if (mode === 'backup') {
    say('BEGIN');
    await createBackup(backend.services, 'manual');
  }
  if (mode === 'restore') {
    say('BEGIN');
    await restoreBackup(backend.services, arg, session);
  }
  backend.close();
  say('DONE');
}

function runImport(ctx: HandlerContext, villageId: string, rows: number, tag: string): void {
  say('BEGIN');
  ctx.tx(() => {
    for (let i = 0; i < rows; i++) {
      saveHousehold(ctx, { villageId, householdType: '一般农户', address: `${tag}-${i}`, members: [{ name: `导入${tag}-${i}`, relation: '户主' }] });
    }
    ctx.audit({ action: 'import.commit', entity: 'import', entityId: tag, summary: `导入 ${rows} 户（批次 ${tag}）` });
  });
  say('COMMIT');
}

export type EditCommand = { op: 'create'; name: string; address: string } | { op: 'edit'; name: string; address: string };

async function runEdits(dispatch: (m: string, i: unknown, s: Session) => Promise<{ ok: boolean }>, session: Session, villageId: string, plan: EditCommand[]): Promise<void> {
  const ids = new Map<string, { id: string; memberId: string }>();
  for (const [i, c] of plan.entries()) {
    const known = c.op === 'edit' ? ids.get(c.name) : undefined;
    const input = { id: known?.id, villageId, householdType: '一般农户', address: c.address, members: [{ id: known?.memberId, name: c.name, relation: '户主' }] };
    const r = (await dispatch('households.save', input, session)) as { ok: boolean; value?: { id: string; members: { id: string }[] } };
    if (!r.ok || !r.value) throw new Error(`command ${i} failed: ${JSON.stringify(r)}`);
    ids.set(c.name, { id: r.value.id, memberId: r.value.members[0].id });
    say(`ACK ${i}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
