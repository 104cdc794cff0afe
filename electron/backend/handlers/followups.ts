import type { HandlerTable } from './types';

// Filled in by the issue that owns this aggregate.
export const followupsHandlers: HandlerTable = {};
