import { z } from 'zod';
import { method } from '../define';
import { fileToken, id } from '../schemas/common';

// Durability and recovery: verified backups, restore (undoable), integrity checks, encrypted
// off-PC copies and the logical (JSON) export. Files are named by the backend; the renderer only
// ever sends a backup id or an uploaded file token, never a path.
//
// Several of these are `write: false` on purpose although they change files: they must keep
// working in read-only recovery mode (restoring is how one leaves it), they never write through
// the live connection's transaction, and each audits itself.

export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore', 'imported', 'logical-import'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动',
  manual: '手动',
  'pre-migration': '升级前自动',
  'pre-import': '导入前自动',
  'pre-restore': '恢复前自动（可撤销恢复）',
  imported: '从移动介质导入',
  'logical-import': '由数据导出包重建',
};

/** A backup's file name, e.g. guardline-20261129T020000000Z-daily.db — checked again on the backend. */
export const backupId = z.string().max(120).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/, '备份标识无效，请刷新列表后重试');

export const backupInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int(),
  sizeBytes: z.number().int(),
  verified: z.boolean(),
  households: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const recoveryInfo = z.object({
  reason: z.string(),
  detail: z.string(),
  quarantineDir: z.string().nullable(),
  since: z.string(),
  /** The backup the read-only view was loaded from, if any. */
  viewingBackup: z.string().nullable(),
});
export type RecoveryInfo = z.infer<typeof recoveryInfo>;

export const checkResult = z.object({
  ok: z.boolean(),
  mode: z.enum(['quick', 'full']),
  messages: z.array(z.string()),
  foreignKeyProblems: z.number().int(),
  checkedAt: z.string(),
});
export type CheckResult = z.infer<typeof checkResult>;

/** Passwords of encrypted copies: the user writes it down; the backend checks the minimum length. */
const copyPassword = z.string().min(1).max(128);

export const backupsMethods = {
  'backups.list': method({
    input: z.strictObject({}).default({}),
    output: z.object({ backups: z.array(backupInfo), readOnly: z.boolean(), recovery: recoveryInfo.nullable(), backupDir: z.string() }),
    access: 'backups.manage',
    write: false,
    summary: '备份列表与恢复模式状态',
  }),
  'backups.create': method({
    input: z.strictObject({}).default({}),
    output: backupInfo,
    access: 'backups.manage',
    write: false,
    summary: '立即备份（先做完整性检查，备份文件校验通过后才保存）',
  }),
  'backups.restore': method({
    input: z.strictObject({ id: backupId }),
    output: z.object({ restored: backupInfo, undoId: z.string().nullable() }),
    access: 'backups.manage',
    write: false,
    summary: '从备份恢复（先自动备份当前数据以便撤销；拒绝来自更新版本的备份）。恢复后需重新登录',
  }),
  'backups.exportEncrypted': method({
    input: z.strictObject({ id: backupId.optional(), password: copyPassword }),
    output: z.object({ fileId: id, name: z.string(), sizeBytes: z.number().int() }),
    access: 'backups.manage',
    write: false,
    summary: '把备份加密（AES-256-GCM，密码派生 scrypt）后另存到U盘或指定文件夹；写出后读回校验',
  }),
  'backups.importEncrypted': method({
    input: z.strictObject({ fileToken, password: copyPassword }),
    output: backupInfo,
    access: 'backups.manage',
    write: false,
    summary: '导入加密备份文件（校验通过后加入备份列表，再由“恢复”使用）',
  }),
  'system.check': method({
    input: z.strictObject({ full: z.boolean().default(false) }).default({ full: false }),
    output: checkResult,
    access: 'system.check',
    write: false,
    summary: '数据库检查：快速检查，或完整性检查 + 外键检查；发现损坏即进入只读恢复模式',
  }),
  'exports.all': method({
    input: z.strictObject({ password: copyPassword.optional() }).default({}),
    output: z.object({ fileId: id, name: z.string(), tables: z.number().int(), rows: z.number().int() }),
    access: 'backups.manage',
    write: false,
    summary: '全部数据导出为 JSON 压缩包（可加密），可在空库重建',
  }),
  'imports.all': method({
    input: z.strictObject({ fileToken, password: copyPassword.optional() }),
    output: backupInfo,
    access: 'backups.manage',
    write: false,
    summary: '由全部数据导出包重建数据库（生成一个新备份，再由“恢复”启用）',
  }),
};
