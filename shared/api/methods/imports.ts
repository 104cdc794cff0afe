import { z } from 'zod';
import { method, type MethodDef } from '../define';
import { fileToken, id, pageOf, pageRequest, shortText } from '../schemas/common';

// Roster import (花名册导入): preview (parse, map, check every row, stage) → commit (backup, one
// transaction through households.save) → report (every problem as .xlsx). Progress arrives as
// job.progress events under the job id; imports.roster.cancel stops a running preview or commit.

export const rosterOptions = z
  .strictObject({
    /** Create villages/groups the file names but the office has not set up (else: error rows). */
    createDivisions: z.boolean().default(false),
    /** Village for every row when the file has no 行政村 column. */
    defaultVillageId: id.optional(),
    /** 户类型 for new households whose row leaves it blank. */
    defaultHouseholdType: shortText(20).optional(),
    /** Remember the column mapping by header text for the next file. */
    rememberMapping: z.boolean().default(true),
  })
  .default({ createDivisions: false, rememberMapping: true });
export type RosterOptions = z.output<typeof rosterOptions>;

const mappingEntry = z.strictObject({ column: z.number().int().min(0).max(199), field: z.string().max(40).nullable() });

export const importProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  header: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importColumn = z.object({
  column: z.number().int(),
  letter: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  /** true when the field was matched automatically from the header text. */
  auto: z.boolean(),
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof importColumn>;

export const importCounts = z.object({
  rows: z.number().int(),
  dataRows: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  households: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  members: z.object({ create: z.number().int(), update: z.number().int() }),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const rosterPreview = z.object({
  /** null while the mapping still lacks a required column (see gaps): nothing can be committed yet. */
  previewId: id.nullable(),
  jobId: z.string(),
  fileName: z.string(),
  sheetName: z.string().nullable(),
  format: z.enum(['xlsx', 'xls', 'csv']),
  header: z.object({ firstRow: z.number().int(), lastRow: z.number().int(), dataStartRow: z.number().int() }),
  columns: z.array(importColumn),
  gaps: z.array(z.string()),
  notes: z.array(z.string()),
  counts: importCounts,
  /** The first problems (row order); the full list via imports.roster.problems or the report. */
  problems: z.array(importProblem),
  problemTotal: z.number().int(),
  /** When the very same file (SHA-256) was imported before. */
  sameFileCommittedAt: z.string().nullable(),
});
export type RosterPreview = z.infer<typeof rosterPreview>;

export const rosterCommitResult = z.object({
  previewId: id,
  households: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  members: z.object({ created: z.number().int(), updated: z.number().int() }),
  divisionsCreated: z.number().int(),
  /** File name of the automatic pre-import backup under 数据目录/backups (null when nothing was written). */
  backupFile: z.string().nullable(),
});
export type RosterCommitResult = z.infer<typeof rosterCommitResult>;

export const importsMethods = {
  'imports.roster.preview': method({
    input: z.strictObject({
      file: fileToken,
      /** Job id for progress events and cancel; defaults to the file token. */
      jobId: fileToken.optional(),
      mapping: z.array(mappingEntry).max(200).optional(),
      options: rosterOptions,
    }),
    output: rosterPreview,
    access: 'register.import',
    write: true,
    summary: '导入花名册第一步：识别表头与列对应，逐行校验（证件号码、日期、重复、村组），与已登记数据比对，暂存待提交（不写入农户数据）',
  }),
  'imports.roster.commit': method({
    input: z.strictObject({ previewId: id }),
    output: rosterCommitResult,
    access: 'register.import',
    write: true,
    summary: '提交导入：先自动备份数据库，再在一个事务中写入全部无错误的农户（全部成功或全部不写），重复导入同一文件不会重复登记',
  }),
  'imports.roster.cancel': method({
    input: z.strictObject({ jobId: id }),
    output: z.object({ cancelled: z.boolean() }),
    access: 'register.import',
    write: true,
    summary: '取消正在进行的导入预览或提交（提交前取消不写入任何数据）；对已完成的预览则作废该预览',
  }),
  'imports.roster.problems': method({
    input: z.strictObject({ previewId: id, severity: z.enum(['error', 'warning']).optional(), ...pageRequest }),
    output: pageOf(importProblem),
    access: 'register.import',
    write: false,
    summary: '导入预览发现的问题清单（行号、列、说明），分页',
  }),
  'imports.roster.report': method({
    input: z.strictObject({ previewId: id }),
    output: z.object({ fileId: z.string(), name: z.string() }),
    access: 'register.import',
    write: true,
    summary: '生成导入问题报告（.xlsx）：每个问题的行号、列、列名、说明和类型',
  }),
} satisfies Record<string, MethodDef>;
