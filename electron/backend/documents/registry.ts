/**
 * The table of standard forms: key → title, builder and view model. `buildDocx` packs one
 * household's form; `buildMerged` packs many into one document (batch print), one section per
 * household, so each starts on a new page, keeps its own orientation and numbers its pages from 1.
 */
import { Document, Packer, type ISectionOptions } from 'docx';
import { validationError } from '../../../shared/domain/errors';
import { buildAnnouncement } from './forms/announcement';
import { buildApplicationForm, APPLICATION_TITLE } from './forms/application';
import { buildApprovalForm, APPROVAL_TITLE } from './forms/approval-form';
import { buildEliminationAssessment, ELIMINATION_TITLE } from './forms/elimination';
import { buildIncomeSheet, INCOME_SHEET_TITLE } from './forms/income-sheet';
import { buildIntakeForm, INTAKE_TITLE } from './forms/intake';
import { buildMeasuresSheet, measureTexts, MEASURES_TITLE } from './forms/measures';
import { buildMeetingMinutes } from './forms/minutes';
import { buildPublicNotice, listTexts } from './forms/notice';
import { buildRejectionNotice, REJECTION_TITLE } from './forms/rejection';
import { documentStyles, formSection, type FormContent, type Orientation, type PageCount } from './layout';
import type {
  AnnouncementVM,
  ApplicationFormVM,
  ApprovalFormVM,
  EliminationAssessmentVM,
  IncomeSheetVM,
  IntakeFormVM,
  MeasuresSheetVM,
  MeetingMinutesVM,
  PublicNoticeVM,
  RejectionNoticeVM,
} from './model';
import type { PostedText } from './privacy';
import { resolveOptions, type PrintOptions, type ResolvedOptions } from './options';

/** Form key → its view model. The keys are what the app and the job queue pass around. */
export interface FormModels {
  application: ApplicationFormVM;
  intake: IntakeFormVM;
  incomeSheet: IncomeSheetVM;
  minutes: MeetingMinutesVM;
  publicNotice: PublicNoticeVM;
  announcement: AnnouncementVM;
  approval: ApprovalFormVM;
  measures: MeasuresSheetVM;
  eliminationAssessment: EliminationAssessmentVM;
  rejectionNotice: RejectionNoticeVM;
}

export type FormKey = keyof FormModels;

export interface FormDefinition<K extends FormKey> {
  /** the national form name, shown in the 文书打印 picker */
  title: string;
  /** name of the view-model type in model.ts */
  viewModel: string;
  orientation: Orientation;
  /** posted in public: no ID, phone, bank or health data (DOMAIN §9) */
  isPublic: boolean;
  build: (model: FormModels[K], options: ResolvedOptions) => FormContent;
  /** for public forms: the free texts the privacy scan must pass (also applied to county templates) */
  postable?: (model: FormModels[K]) => PostedText[];
}

export const FORMS: { [K in FormKey]: FormDefinition<K> } = {
  application: { title: APPLICATION_TITLE, viewModel: 'ApplicationFormVM', orientation: 'portrait', isPublic: false, build: buildApplicationForm },
  intake: { title: INTAKE_TITLE, viewModel: 'IntakeFormVM', orientation: 'portrait', isPublic: false, build: buildIntakeForm },
  incomeSheet: { title: INCOME_SHEET_TITLE, viewModel: 'IncomeSheetVM', orientation: 'portrait', isPublic: false, build: buildIncomeSheet },
  minutes: { title: '民主评议会议记录', viewModel: 'MeetingMinutesVM', orientation: 'portrait', isPublic: false, build: buildMeetingMinutes },
  publicNotice: {
    title: '公示（拟纳入 / 拟消除风险名单）',
    viewModel: 'PublicNoticeVM',
    orientation: 'landscape',
    isPublic: true,
    build: buildPublicNotice,
    postable: (m) => listTexts(m.名单),
  },
  announcement: {
    title: '公告（监测对象名单）',
    viewModel: 'AnnouncementVM',
    orientation: 'landscape',
    isPublic: true,
    build: buildAnnouncement,
    postable: (m) => listTexts(m.名单),
  },
  approval: { title: APPROVAL_TITLE, viewModel: 'ApprovalFormVM', orientation: 'portrait', isPublic: false, build: buildApprovalForm },
  measures: {
    title: MEASURES_TITLE,
    viewModel: 'MeasuresSheetVM',
    orientation: 'portrait',
    isPublic: true,
    build: buildMeasuresSheet,
    postable: measureTexts,
  },
  eliminationAssessment: { title: ELIMINATION_TITLE, viewModel: 'EliminationAssessmentVM', orientation: 'portrait', isPublic: false, build: buildEliminationAssessment },
  rejectionNotice: { title: REJECTION_TITLE, viewModel: 'RejectionNoticeVM', orientation: 'portrait', isPublic: false, build: buildRejectionNotice },
};

export const FORM_KEYS = Object.keys(FORMS) as FormKey[];

export function isFormKey(key: string): key is FormKey {
  return Object.hasOwn(FORMS, key);
}

function definition<K extends FormKey>(key: K): FormDefinition<K> {
  if (!isFormKey(key)) throw validationError([{ path: 'formKey', message: `没有名为「${String(key)}」的文书，请从文书列表中选择。` }]);
  return FORMS[key];
}

/** Build one form's section (exposed for previews and for the batch job's progress). */
export function buildSection<K extends FormKey>(key: K, model: FormModels[K], options: ResolvedOptions, count: PageCount = 'document'): ISectionOptions {
  return formSection(definition(key).build(model, options), options.margins, count);
}

function pack(title: string, sections: ISectionOptions[], options: ResolvedOptions): Promise<Buffer> {
  const doc = new Document({ creator: 'Guardline 防返贫监测工作站', title, styles: documentStyles(options.typography), sections });
  return Packer.toBuffer(doc);
}

/** One household's form as a .docx file. */
export async function buildDocx<K extends FormKey>(key: K, model: FormModels[K], options: PrintOptions = {}): Promise<Buffer> {
  const resolved = resolveOptions(options);
  const content = definition(key).build(model, resolved);
  return pack(content.title, [formSection(content, resolved.margins)], resolved);
}

/**
 * Most households in one merged document. docx holds the whole document in memory while packing
 * (≈7 MB of heap per 信息采集表, measured), so a county-wide batch is split into files of this
 * size by the caller (see bench/forms-batch.ts) instead of one document that exhausts the heap.
 */
export const MAX_MERGED_FORMS = 100;

/** Many households' forms in one document, each on fresh pages (batch print). */
export async function buildMerged<K extends FormKey>(key: K, models: readonly FormModels[K][], options: PrintOptions = {}): Promise<Buffer> {
  if (models.length === 0) throw validationError([{ path: 'models', message: '没有选择任何农户，请至少选择一户再批量打印。' }]);
  if (models.length > MAX_MERGED_FORMS) {
    throw validationError([
      { path: 'models', message: `一次最多合并打印${MAX_MERGED_FORMS}户（本次${models.length}户），请分批打印。` },
    ]);
  }
  const resolved = resolveOptions(options);
  const sections = models.map((m) => buildSection(key, m, resolved, 'section'));
  return pack(`${definition(key).title}（${models.length}份）`, sections, resolved);
}
