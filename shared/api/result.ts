// The one shape every API call returns, across IPC and HTTP alike (ARCHITECTURE.md §3).
// The set of codes is closed: the renderer maps each to a UI reaction, so adding one is a contract change.
export const ERROR_CODES = [
  'validation', // input failed the schema or a domain rule about a field
  'not_found',
  'conflict', // duplicate, stale row version, already exists
  'workflow_rule', // a procedure step refused (skipped step, 公示 not ended, …)
  'permission', // no session / role may not do this
  'unauthenticated',
  'io', // disk, file, backup problems
  'read_only', // database in recovery mode
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Chinese, for the clerk: names the field and says what to do. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
