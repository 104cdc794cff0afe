import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { divisionsHandlers } from './divisions';
import { householdsHandlers } from './households';
import { settingsHandlers } from './settings';
import { systemHandlers, testingHandlers } from './system';
import { usersHandlers } from './users';
import { backupsHandlers } from './backups';
import { incomeHandlers } from './income';
import { assessmentsHandlers } from './assessments';
import { importsHandlers } from './imports';
import { exportsHandlers } from './exports';
import { membersHandlers } from './members';
import { householdEventsHandlers } from './householdEvents';
import { leadsHandlers } from './leads';
import { casesHandlers } from './cases';
import { meetingsHandlers } from './meetings';
import { noticesHandlers } from './notices';
import { measuresHandlers } from './measures';
import { cadresHandlers } from './cadres';
import { followupsHandlers } from './followups';
import { documentsHandlers } from './documents';
import { templatesHandlers } from './templates';
import { statsHandlers } from './stats';
import type { HandlerTable } from './types';

/** Every aggregate's handlers, merged; a method handled twice is a start-up error. */
export function allHandlers(): HandlerTable {
  const tables: HandlerTable[] = [
    systemHandlers,
    testingHandlers,
    authHandlers,
    settingsHandlers,
    divisionsHandlers,
    householdsHandlers,
    auditHandlers,
    usersHandlers,
    backupsHandlers,
    incomeHandlers,
    assessmentsHandlers,
    importsHandlers,
    exportsHandlers,
    membersHandlers,
    householdEventsHandlers,
    leadsHandlers,
    casesHandlers,
    meetingsHandlers,
    noticesHandlers,
    measuresHandlers,
    cadresHandlers,
    followupsHandlers,
    documentsHandlers,
    templatesHandlers,
    statsHandlers,
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    for (const [name, h] of Object.entries(t)) {
      if (name in out) throw new Error(`method handled twice: ${name}`);
      out[name] = h;
    }
  }
  return out as HandlerTable;
}
