import type { FormInstance } from 'antd';
import { ApiCallError } from '../../api/client';

/** Chinese text for any failure, never a stack trace. */
export const errorText = (e: unknown): string => (e instanceof ApiCallError ? e.message : '操作失败，请重试。');

/**
 * Puts a validation error's field issues on the form fields they name ('members.0.idNumber' →
 * ['members', 0, 'idNumber']); returns true when at least one field took a message.
 */
export function applyFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiCallError) || !e.issues.length) return false;
  const fields = e.issues
    .filter((i) => i.path)
    .map((i) => ({ name: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [i.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
