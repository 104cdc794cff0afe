/**
 * documents.batch: one household form for many households — merged into Word files of at most
 * MAX_MERGED_FORMS households (one file, or several zipped), or one .docx per household zipped.
 * Progress goes out as job.progress; 取消 (documents.cancel) stops at the next household.
 *
 * Event loop: records are mapped here with yields between households (Job.breathe). One-file-per-
 * household builds run on the worker pool (jobs/batchDocx.ts). A MERGED file is one docx pack that
 * the pool does not offer yet, so it still runs on this thread, one file of ≤ MAX_MERGED_FORMS at a
 * time (≈5 s per 100 信息采集表 on the office PC class, measured by bench/documents-batch-1000.ts).
 */
import JSZip from 'jszip';
import { DomainError, validationError, workflowRule } from '../../../../shared/domain/errors';
import type { HandlerContext } from '../../context';
import { runJob, type Job } from '../../imports/jobs';
import { householdBriefs, villageHouseholdIds } from '../../repos/documentsRead';
import { FILE_TITLES, isHouseholdForm, mapForm, type MapContext } from '../mappers';
import { printOptionsFromProfile, type PrintOptions } from '../options';
import { buildDocxBatch } from '../../jobs/batchDocx';
import { buildMerged, MAX_MERGED_FORMS, type FormKey, type FormModels } from '../registry';
import { fileName, internalMasking, mapContext, storeGenerated } from './common';

export interface BatchInput {
  form: FormKey;
  householdIds?: string[];
  villageId?: string;
  merged: boolean;
  masked?: boolean;
  jobId?: string;
}

export interface Skipped {
  householdId: string;
  headName: string;
  reason: string;
}

export interface BatchResult {
  fileId: string;
  name: string;
  count: number;
  files: number;
  skipped: Skipped[];
}

/** The households asked for, each checked against the caller's scope. */
function batchHouseholds(ctx: HandlerContext, input: BatchInput) {
  if (input.villageId) {
    ctx.assertVillageInScope(input.villageId);
    return householdBriefs(ctx.db, villageHouseholdIds(ctx.db, ctx.user().scope, input.villageId));
  }
  const briefs = householdBriefs(ctx.db, [...new Set(input.householdIds ?? [])]);
  for (const b of briefs) ctx.assertVillageInScope(b.villageId);
  return briefs;
}

interface Part {
  name: string;
  bytes: Uint8Array;
}

interface Work {
  ctx: HandlerContext;
  mc: MapContext;
  form: FormKey;
  options: PrintOptions;
  job: Job;
  skipped: Skipped[];
}

/** Maps one household, or records why it was left out (no 收入核算, no case …). */
function tryMap(w: Work, h: { id: string; headName: string }) {
  try {
    return mapForm(w.mc, w.form, { householdId: h.id });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code === 'permission') throw e;
    w.skipped.push({ householdId: h.id, headName: h.headName, reason: e.message });
    return undefined;
  }
}

const percent = (done: number, total: number) => (done / total) * 95;

async function mergedParts(w: Work, households: { id: string; headName: string }[]): Promise<Part[]> {
  const parts: Part[] = [];
  const batches = Math.ceil(households.length / MAX_MERGED_FORMS);
  for (let b = 0; b < batches; b++) {
    const chunk = households.slice(b * MAX_MERGED_FORMS, (b + 1) * MAX_MERGED_FORMS);
    const models: FormModels[FormKey][] = [];
    for (const [i, h] of chunk.entries()) {
      const mapped = tryMap(w, h);
      if (mapped) models.push(mapped.model);
      if (i % 10 === 9) {
        // per file: reading the records is ≈30% of the work, packing the rest
        w.job.progress(percent(b + (0.3 * (i + 1)) / chunk.length, batches), `正在读取第 ${b * MAX_MERGED_FORMS + i + 1}/${households.length} 户的资料…`);
        await w.job.breathe();
      }
    }
    if (models.length === 0) continue;
    w.job.progress(percent(b + 0.3, batches), `正在排版第 ${b + 1}/${batches} 个文件（${models.length} 户）…`);
    await w.job.breathe();
    const bytes = await buildMerged(w.form, models as never, w.options);
    const label = batches > 1 ? `-第${b + 1}批` : '';
    parts.push({ name: `${FILE_TITLES[w.form]}${label}（${models.length}户）.docx`, bytes });
    await w.job.breathe();
  }
  return parts;
}

/**
 * One file per household: records mapped here (yielding between households), the Word files built
 * and packed by the worker-thread pool (jobs/batchDocx.ts), so the main thread stays responsive.
 */
async function separateParts(w: Work, households: { id: string; headName: string }[]): Promise<Part[]> {
  const mapped: { fileBase: string; model: FormModels[FormKey] }[] = [];
  for (const [i, h] of households.entries()) {
    const m = tryMap(w, h);
    if (m) mapped.push({ fileBase: m.fileBase, model: m.model });
    if (i % 20 === 19 || i === households.length - 1) {
      w.job.progress((MAPPING_SHARE * (i + 1)) / households.length, `正在读取第 ${i + 1}/${households.length} 户的资料…`);
      await w.job.breathe();
    }
  }
  const abort = new AbortController();
  const buffers = await buildDocxBatch({
    formKey: w.form,
    models: mapped.map((m) => m.model),
    print: w.options,
    signal: abort.signal,
    onProgress: (done, total) => {
      w.job.progress(MAPPING_SHARE + ((95 - MAPPING_SHARE) * done) / total, `已生成 ${done}/${total} 户`);
      try {
        w.job.throwIfCancelled();
      } catch (e) {
        abort.abort(e);
      }
    },
  });
  const used = new Set<string>();
  return mapped.map((m, i) => {
    let name = `${m.fileBase}.docx`;
    for (let n = 2; used.has(name); n++) name = `${m.fileBase}（${n}）.docx`;
    used.add(name);
    return { name, bytes: buffers[i] };
  });
}

/** Share of the progress bar for reading the records (the rest is building the files). */
const MAPPING_SHARE = 20;

const skippedText = (skipped: Skipped[]) => `以下农户未生成（共 ${skipped.length} 户）：\r\n${skipped.map((s, i) => `${i + 1}. ${s.headName}：${s.reason}`).join('\r\n')}\r\n`;

async function zipParts(parts: Part[], skipped: Skipped[]): Promise<Buffer> {
  const zip = new JSZip();
  // .docx files are already deflated: store them as they are
  for (const p of parts) zip.file(p.name, p.bytes, { compression: 'STORE' });
  if (skipped.length > 0) zip.file('未生成清单.txt', `\ufeff${skippedText(skipped)}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function batchWork(ctx: HandlerContext, job: Job, input: BatchInput, households: { id: string; headName: string }[]): Promise<BatchResult> {
  const masked = internalMasking(ctx, input.form, input.masked);
  const w: Work = { ctx, mc: mapContext(ctx, masked), form: input.form, options: printOptionsFromProfile(ctx.profile()), job, skipped: [] };
  job.progress(0, `开始生成 ${households.length} 户的${FILE_TITLES[input.form]}`);
  const parts = input.merged ? await mergedParts(w, households) : await separateParts(w, households);
  if (parts.length === 0) {
    throw workflowRule(`所选 ${households.length} 户都不能生成${FILE_TITLES[input.form]}：${w.skipped.slice(0, 3).map((s) => `${s.headName}（${s.reason}）`).join('；')}`);
  }
  job.progress(96, '正在打包…');
  const single = input.merged && parts.length === 1;
  const bytes = single ? parts[0].bytes : await zipParts(parts, w.skipped);
  const count = households.length - w.skipped.length;
  const base = `${FILE_TITLES[input.form]}-批量${count}户${input.merged ? '-合并' : ''}`;
  const name = fileName(base, ctx, single ? 'docx' : 'zip', masked);
  const file = storeGenerated(ctx, bytes, {
    name,
    householdId: null,
    action: 'document.batch',
    summary: `批量生成${FILE_TITLES[input.form]} ${count} 户${w.skipped.length ? `（${w.skipped.length} 户未生成）` : ''}${masked ? '，证件号码与电话已遮挡' : ''}`,
  });
  job.finish(`已完成：${count} 户`);
  return { fileId: file.id, name: file.originalName, count, files: parts.length, skipped: w.skipped };
}

export async function runBatch(ctx: HandlerContext, input: BatchInput): Promise<BatchResult> {
  if (!isHouseholdForm(input.form)) {
    throw validationError([{ path: 'form', message: `「${FILE_TITLES[input.form]}」按会议或公示生成，不能按户批量生成，请在文书页单独生成。` }]);
  }
  if (!input.villageId && !input.householdIds?.length) throw validationError([{ path: 'householdIds', message: '请选择农户或一个村再批量生成。' }]);
  const households = batchHouseholds(ctx, input);
  if (households.length === 0) throw workflowRule('所选范围内没有农户。');
  const jobId = input.jobId ?? ctx.ids.newId();
  try {
    return await runJob(ctx.services, jobId, (job) => batchWork(ctx, job, input, households));
  } catch (e) {
    const cancelled = e instanceof DomainError && (e.details as { cancelled?: boolean } | undefined)?.cancelled;
    if (cancelled) throw new DomainError('workflow_rule', '已取消批量生成，没有保存任何文件。', { cancelled: true });
    throw e;
  }
}
