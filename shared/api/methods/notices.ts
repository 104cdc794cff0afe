import type { MethodDef } from '../define';

// Filled in by the issue that owns this aggregate.
export const noticesMethods = {} satisfies Record<string, MethodDef>;
