import { z } from 'zod';

// Building blocks every method table uses. Lengths are bounded everywhere: hostile input must
// not be able to grow the database or a log without limit.
export const id = z.string().min(1).max(64);
export const shortText = (max = 100) => z.string().trim().max(max);
export const requiredText = (max = 100) => z.string().trim().min(1).max(max);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const isoDateTime = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '时间格式应为 ISO 8601');
export const fileToken = z.string().regex(/^[0-9a-f-]{36}$/, '文件标识无效，请重新上传');
export const rowVersion = z.number().int().min(1);

/** Page request of the ag-grid infinite row model: rows [startRow, endRow). */
export const pageRequest = {
  startRow: z.number().int().min(0).max(10_000_000).default(0),
  endRow: z.number().int().min(1).max(10_000_000).default(100),
  /**
   * false: the caller already has the total (a later block of the same query), so a list may skip counting
   * and answer `total: NOT_COUNTED`. At county scale the count costs as much as the page itself (~19 ms of a
   * 20–25 ms households.list). Lists that always count may ignore it.
   */
  withTotal: z.boolean().default(true),
};
export const sortModel = z
  .array(z.strictObject({ colId: z.string().max(40), sort: z.enum(['asc', 'desc']) }))
  .max(3)
  .default([]);

/**
 * `total` of a page asked for with `withTotal: false`: not counted. A sentinel rather than null so the
 * lists that always count keep a plain number for their many readers; only a caller that passed
 * withTotal: false can receive it (InfiniteGrid's later blocks).
 */
export const NOT_COUNTED = -1;

export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int().min(NOT_COUNTED) });

export const auditStamp = {
  rowVersion: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
};
