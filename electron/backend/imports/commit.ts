import type { ImportCounts, RosterCommitResult } from '../../../shared/api/methods/imports';
import type { Division } from '../../../shared/api/methods/divisions';
import type { HouseholdInput } from '../../../shared/api/schemas/household';
import { DomainError, conflict, notFound } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { divisionsHandlers } from '../handlers/divisions';
import { saveHousehold } from '../handlers/households';
import type { SyncHandler } from '../handlers/types';
import { listDivisions } from '../repos/divisions';
import * as repo from '../repos/imports';
import { backupBeforeImport } from './backup';
import { HouseholdBulkCreator } from './bulkCreate';
import { takeStaged } from './stagedCache';
import type { Job } from './jobs';
import type { StagedData } from './resolve';

// imports.roster.commit: backup first (cancellable), then ONE transaction that writes every staged
// household: updates through saveHousehold (the households.save use-case), new households through the
// bulk creator, which writes the same rows, audit and county change log with batched checks. Any
// failure rolls the whole import back.

const saveDivision = divisionsHandlers['divisions.save'] as SyncHandler<'divisions.save'>;

export async function commitRoster(ctx: HandlerContext, job: Job, previewId: string): Promise<RosterCommitResult> {
  const preview = repo.getJob(ctx.db, previewId);
  if (!preview) throw notFound('该导入预览');
  if (preview.status !== 'previewed') throw conflict(preview.status === 'committed' ? '该预览已经提交过，不能重复提交。如需再次导入，请重新上传文件。' : '该预览已作废，请重新上传文件预览。');
  const counts = preview.counts as ImportCounts;
  const by = ctx.user().username;
  const toWrite = takeStaged(ctx.services, previewId) ?? repo.stagedToWrite(ctx.db, previewId);
  let backupFile: string | null = null;
  if (toWrite.length) {
    job.progress(0, '正在备份数据库…');
    backupFile = await backupBeforeImport(ctx, (f) => job.progress(f * 20, '正在备份数据库…'));
  }
  // The last point where a cancel is honoured: from here on the write is one synchronous transaction.
  job.throwIfCancelled();
  job.progress(20, `正在写入 ${toWrite.length} 户…`);
  try {
    // Households, the job's status and the import.commit audit row land together or not at all (F-01).
    const { written, result } = ctx.tx(() => {
      const written = writeAll(ctx, job, previewId, toWrite);
      const result: RosterCommitResult = {
        previewId,
        households: { created: written.created, updated: written.updated, unchanged: counts.households.unchanged, rejected: counts.households.rejected },
        members: { created: counts.members.create, updated: counts.members.update },
        divisionsCreated: written.divisionsCreated,
        backupFile,
      };
      repo.setJobStatus(ctx.db, previewId, 'committed', { result, backupFile, committedAt: ctx.nowIso() }, ctx.nowIso(), by);
      repo.deleteStaged(ctx.db, previewId);
      ctx.audit({
        action: 'import.commit',
        entity: 'import',
        entityId: previewId,
        summary: `导入花名册「${preview.fileName}」（SHA-256 ${preview.fileSha256.slice(0, 16)}…）：新增 ${written.created} 户、更新 ${written.updated} 户，未变化 ${result.households.unchanged} 户，有错误未导入 ${result.households.rejected} 户；导入前备份 ${backupFile ?? '无（没有需要写入的数据）'}`,
      });
      return { written, result };
    });
    ctx.services.emit('data.changed', { entity: 'household' });
    job.finish(`导入完成：新增 ${written.created} 户，更新 ${written.updated} 户。`);
    return result;
  } catch (e) {
    const reason = e instanceof DomainError ? e.message : '程序内部出错';
    ctx.tx(() => {
      if (repo.getJob(ctx.db, previewId)?.status === 'previewed') repo.setJobStatus(ctx.db, previewId, 'failed', { message: reason, backupFile }, ctx.nowIso(), by);
    });
    if (e instanceof DomainError) throw new DomainError(e.code, `提交失败，本次导入已全部撤销，未写入任何数据：${e.message}（数据可能在预览后被修改，请重新上传预览）`, e.details);
    throw e;
  }
}

/** The synchronous part, inside the caller's transaction. No await in here. */
function writeAll(ctx: HandlerContext, job: Job, previewId: string, staged: readonly repo.StagedHousehold[]): { created: number; updated: number; divisionsCreated: number } {
  const fresh = repo.getJob(ctx.db, previewId);
  if (fresh?.status !== 'previewed') throw conflict('该预览已被提交或作废。');
  const divisions = new DivisionMaker(ctx);
  const creator = new HouseholdBulkCreator(ctx, staged.filter((s) => s.action === 'create').map((s) => (s.data as StagedData).input));
  let created = 0;
  const updates: HouseholdInput[] = [];
  staged.forEach((s, i) => {
    const data = s.data as StagedData;
    const input = { ...data.input };
    if (data.createVillage) input.villageId = divisions.village(data.createVillage);
    if (data.createGroup) input.groupId = divisions.group(input.villageId, data.createGroup);
    // New households are queued for the bulk write; an update goes through households.save afterwards,
    // whose before/after diff is its audit.
    if (s.action === 'create') {
      creator.create(input);
      created += 1;
    } else updates.push(input);
    if (i % 500 === 499) job.progress(20 + (20 * (i + 1)) / staged.length, `正在准备第 ${i + 1} / ${staged.length} 户…`);
  });
  creator.flush((f) => job.progress(40 + 40 * f, `正在写入 ${created} 户新增农户…`));
  updates.forEach((input, i) => {
    saveHousehold(ctx, input);
    if (i % 200 === 199) job.progress(80 + (20 * (i + 1)) / updates.length, `正在更新第 ${i + 1} / ${updates.length} 户…`);
  });
  const updated = updates.length;
  return { created, updated, divisionsCreated: divisions.created };
}

/** Villages and groups the file names but the office lacks: created once each, through divisions.save. */
class DivisionMaker {
  created = 0;
  private readonly known: Division[];
  constructor(private readonly ctx: HandlerContext) {
    this.known = listDivisions(ctx.db);
  }

  village(name: string): string {
    const existing = this.known.find((d) => d.level === 'village' && d.name === name);
    if (existing) return existing.id;
    const township = this.known.find((d) => d.level === 'township');
    if (!township) throw new DomainError('validation', `无法新建行政村“${name}”：尚未设置乡镇，请先在“单位与区划”中添加。`);
    return this.add({ level: 'village', name, parentId: township.id });
  }

  group(villageId: string, name: string): string {
    const existing = this.known.find((d) => d.level === 'group' && d.parentId === villageId && d.name === name);
    return existing ? existing.id : this.add({ level: 'group', name, parentId: villageId });
  }

  private add(input: { level: 'village' | 'group'; name: string; parentId: string }): string {
    const division = saveDivision(this.ctx, input);
    this.known.push(division);
    this.created += 1;
    return division.id;
  }
}
