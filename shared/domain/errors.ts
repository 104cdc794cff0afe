import type { ErrorCode } from '../api/result';

/**
 * Thrown by domain rules and backend handlers; dispatch turns it into `{ok:false,error}`.
 * Anything else that escapes a handler becomes `internal` with a neutral message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** One problem with one field, for forms and import reports. `path` is the field path, e.g. `members.1.idNumber`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export const validationError = (issues: FieldIssue[], summary?: string): DomainError =>
  new DomainError('validation', summary ?? issues.map((i) => i.message).join('；'), { issues });

export const notFound = (what: string): DomainError => new DomainError('not_found', `未找到${what}，可能已被删除，请刷新后重试。`);

export const workflowRule = (message: string, details?: unknown): DomainError => new DomainError('workflow_rule', message, details);

export const conflict = (message: string, details?: unknown): DomainError => new DomainError('conflict', message, details);
