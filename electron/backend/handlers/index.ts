import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { divisionsHandlers } from './divisions';
import { householdsHandlers } from './households';
import { settingsHandlers } from './settings';
import { systemHandlers, testingHandlers } from './system';
import type { HandlerTable } from './types';

/** Every aggregate's handlers, merged; a method handled twice is a start-up error. */
export function allHandlers(): HandlerTable {
  const tables: HandlerTable[] = [systemHandlers, testingHandlers, authHandlers, settingsHandlers, divisionsHandlers, householdsHandlers, auditHandlers];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    for (const [name, h] of Object.entries(t)) {
      if (name in out) throw new Error(`method handled twice: ${name}`);
      out[name] = h;
    }
  }
  return out as HandlerTable;
}
