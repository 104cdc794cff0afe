import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { BackupInfo } from '../../../shared/api/methods/backups';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { DomainError, validationError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { migrationsFor } from '../lifecycle';
import { seal, unseal } from './crypto';
import { fsyncFile } from './sqliteFile';
import { backupDirOf, backupPath, listBackups, publishBackupFile, reserveBackupName } from './store';
import { APP_VERSION } from '../handlers/system';

// Off-PC copies (reliability bar B-04): the chosen backup, sealed with a password, stored as a
// generated file the user then saves to a U盘 or a share (Electron: save dialog in main; browser:
// download). The sealed bytes are opened again and compared before they are offered.

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function checkCopyPassword(ctx: HandlerContext, password: string): void {
  const min = ctx.profile().security.passwordMinLength;
  if ([...password].length < min) throw validationError([{ path: 'password', message: `加密密码至少需要 ${min} 位。请设置一个能记住、但别人猜不到的密码，并妥善保管。` }]);
}

export function exportEncrypted(ctx: HandlerContext, id: string | undefined, password: string): { fileId: string; name: string; sizeBytes: number } {
  checkCopyPassword(ctx, password);
  const dir = backupDirOf(ctx.services.dataDir);
  const chosen = id ? listBackups(dir).find((b) => b.id === id) : listBackups(dir).find((b) => b.verified);
  if (!chosen) throw new DomainError('not_found', id ? '找不到该备份，请刷新列表后重试。' : '还没有可用的备份。请先点击“立即备份”。');
  const plain = readFileSync(backupPath(dir, chosen.id));
  const sealed = seal(plain, password, 'sqlite', ctx.now());
  // Read back before offering it: a copy that cannot be opened is worse than none.
  const back = unseal(sealed, password);
  if (sha256(back.bytes) !== sha256(plain)) throw new DomainError('io', '加密副本校验失败，未生成文件。请重试。');
  const name = `防返贫监测数据备份-${chinaDate(chosen.createdAt).replace(/-/g, '')}-${chosen.id.slice(10, 25)}.glbak`;
  const file = ctx.services.files.put(sealed, { originalName: name, kind: 'generated', mime: 'application/octet-stream', createdBy: ctx.user().username, at: ctx.nowIso() });
  ctx.audit({ action: 'export', entity: 'backup', entityId: chosen.id, summary: `生成加密备份副本 ${name}（${(sealed.length / 1048576).toFixed(1)} MB，SHA-256 ${sha256(sealed).slice(0, 16)}…）` });
  return { fileId: file.id, name, sizeBytes: sealed.length };
}

/** An encrypted copy brought back from a U盘 joins the backup list (verified); restoring it is a separate step. */
export function importEncrypted(ctx: HandlerContext, fileToken: string, password: string): BackupInfo {
  const opened = unseal(ctx.services.files.read(fileToken), password);
  if (opened.kind !== 'sqlite') throw new DomainError('validation', '这是“全部数据导出包”，请用“由导出包重建”导入。');
  const { tmp, final } = reserveBackupName(backupDirOf(ctx.services.dataDir), ctx.now(), 'imported');
  writeFileSync(tmp, opened.bytes);
  fsyncFile(tmp);
  const info = publishBackupFile(tmp, final, { reason: 'imported', now: ctx.now(), appVersion: APP_VERSION });
  if (info.schemaVersion > migrationsFor(ctx.services).length) {
    unlinkSync(final);
    unlinkSync(`${final}.json`);
    throw new DomainError('validation', `该备份来自更新版本的程序（数据结构版本 ${info.schemaVersion}），请先升级程序。`);
  }
  if (!ctx.services.readOnly) ctx.audit({ action: 'import', entity: 'backup', entityId: info.id, summary: `导入加密备份副本，加入备份列表：${info.id}` });
  return info;
}
