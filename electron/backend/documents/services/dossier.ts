/**
 * dossier.export — 一户一档: one zip with every form that applies to the household (generated fresh,
 * internal forms in full: the archive stays in the office), the minutes of the meetings that
 * deliberated it, its 公示, its scans and photos, its case timeline, and all documents as one PDF
 * when LibreOffice is installed (otherwise a note says why there is none).
 */
import { Document, Packer, type ISectionOptions } from 'docx';
import JSZip from 'jszip';
import { DomainError } from '../../../../shared/domain/errors';
import type { HandlerContext } from '../../context';
import { filesById, householdFiles, householdMeetingIds, householdNoticeIds, householdTimeline, type FileRow } from '../../repos/documentsRead';
import { documentStyles } from '../layout';
import { FILE_TITLES, isHouseholdForm, mapForm, type MapContext } from '../mappers';
import { loadHouseholdFacts, type HouseholdFacts } from '../mappers/household';
import { printOptionsFromProfile, resolveOptions, type ResolvedOptions } from '../options';
import { buildDocx, buildSection, FORM_KEYS, type FormKey, type FormModels } from '../registry';
import { assertTargetInScope, fileName, mapContext, storeGenerated } from './common';
import { docxToPdf } from './pdf';
import { timelineText } from './timeline';

interface Doc {
  path: string;
  form: FormKey;
  model: FormModels[FormKey];
}

/** A form that does not apply (no case, no 核算…) is simply not in the dossier. */
function tryMap(mc: MapContext, form: FormKey, target: { householdId?: string; meetingId?: string; noticeId?: string }, facts?: HouseholdFacts) {
  try {
    return mapForm(mc, form, target, facts);
  } catch (e) {
    if (e instanceof DomainError && e.code !== 'permission') return undefined;
    throw e;
  }
}

function dossierDocs(mc: MapContext, facts: HouseholdFacts): Doc[] {
  const householdId = facts.household.id;
  const docs: Doc[] = [];
  FORM_KEYS.filter(isHouseholdForm).forEach((form) => {
    const m = tryMap(mc, form, { householdId }, facts);
    if (m) docs.push({ path: `文书/${String(docs.length + 1).padStart(2, '0')}-${FILE_TITLES[form]}.docx`, form, model: m.model });
  });
  for (const meetingId of householdMeetingIds(mc.db, householdId)) {
    const m = tryMap(mc, 'minutes', { meetingId });
    if (m) docs.push({ path: `会议记录/${m.fileBase}.docx`, form: 'minutes', model: m.model });
  }
  for (const noticeId of householdNoticeIds(mc.db, householdId)) {
    for (const form of ['publicNotice', 'announcement'] as const) {
      const m = tryMap(mc, form, { noticeId });
      if (m) docs.push({ path: `公示公告/${m.fileBase}.docx`, form, model: m.model });
    }
  }
  return docs;
}

/** File ids a case step points at (pad PNGs, scans of signed pages, uploaded forms). */
function referencedFileIds(facts: HouseholdFacts): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (/Ref$/.test(k) && typeof x === 'string') ids.add(x);
        else walk(x);
      }
    }
  };
  facts.cases.forEach((c) => walk(c.state.steps));
  return [...ids];
}

const FOLDER: Record<string, string> = { upload: '扫描件', attachment: '照片', signature: '签名' };

function attachments(mc: MapContext, facts: HouseholdFacts): FileRow[] {
  const own = householdFiles(mc.db, facts.household.id).filter((f) => f.kind !== 'generated' && f.kind !== 'template');
  const seen = new Set(own.map((f) => f.id));
  return [...own, ...filesById(mc.db, referencedFileIds(facts)).filter((f) => !seen.has(f.id))];
}

/** All documents as one Word file (each keeps its orientation and page numbers), for the PDF. */
async function combinedDocx(docs: readonly Doc[], options: ResolvedOptions): Promise<Buffer> {
  const sections: ISectionOptions[] = docs.map((d) => buildSection(d.form, d.model as never, options, 'section'));
  return Packer.toBuffer(new Document({ creator: 'Guardline 防返贫监测工作站', title: '一户一档', styles: documentStyles(options.typography), sections }));
}

function uniquePath(used: Set<string>, path: string): string {
  let out = path;
  for (let n = 2; used.has(out); n++) out = path.replace(/(\.[^./]+)?$/, (ext) => `（${n}）${ext}`);
  used.add(out);
  return out;
}

export async function exportDossier(ctx: HandlerContext, householdId: string): Promise<{ fileId: string; name: string; pdf: boolean; entries: number }> {
  assertTargetInScope(ctx, { householdId });
  const mc = mapContext(ctx, !ctx.can('pii.full'));
  const facts = loadHouseholdFacts(mc, householdId);
  const docs = dossierDocs(mc, facts);
  const printOptions = printOptionsFromProfile(ctx.profile());
  const zip = new JSZip();
  const used = new Set<string>();
  for (const d of docs) zip.file(uniquePath(used, d.path), await buildDocx(d.form, d.model as never, printOptions), { compression: 'STORE' });
  for (const f of attachments(mc, facts)) {
    const bytes = mc.readFile(f.id);
    if (bytes) zip.file(uniquePath(used, `${FOLDER[f.kind] ?? '其他附件'}/${f.name}`), bytes);
  }
  zip.file('流程记录.txt', timelineText(facts.household.headName, facts.cases, householdTimeline(ctx.db, householdId), ctx.now()));
  const pdf = docs.length > 0 ? await docxToPdf(await combinedDocx(docs, resolveOptions(printOptions))) : { ok: false as const, reason: '该户暂无可生成的文书。' };
  if (pdf.ok) zip.file('全部文书.pdf', pdf.pdf);
  else zip.file('未生成PDF的说明.txt', `\ufeff${pdf.reason}\r\n`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const name = fileName(`一户一档-${facts.place.village}-${facts.household.headName}`, ctx, 'zip');
  const file = storeGenerated(ctx, bytes, {
    name,
    householdId,
    mime: 'application/zip',
    action: 'dossier.export',
    summary: `导出一户一档（${facts.household.headName}）：文书 ${docs.length} 份${pdf.ok ? '，含 PDF' : '，未含 PDF'}${mc.masked ? '，证件号码与电话已遮挡' : '，含完整证件号码与电话，内部存档'}`,
  });
  return { fileId: file.id, name: file.originalName, pdf: pdf.ok, entries: Object.values(zip.files).filter((f) => !f.dir).length };
}
