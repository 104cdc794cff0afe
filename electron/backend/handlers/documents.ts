import { cancelRunningJob } from '../imports/jobs';
import { applicableForms } from '../documents/mappers';
import { FORMS, FORM_KEYS } from '../documents/registry';
import { runBatch } from '../documents/services/batch';
import { assertTargetInScope, mapContext } from '../documents/services/common';
import { exportDossier } from '../documents/services/dossier';
import { dossierFiles } from '../documents/services/files';
import { generateDocument } from '../documents/services/generate';
import { exportLedger } from '../documents/sheets/ledgers';
import { exportQuarterly } from '../documents/sheets/quarterly';
import { isHouseholdForm } from '../documents/mappers';
import type { HandlerTable } from './types';

// 文书打印, 一户一档 and the outgoing Excel reports. Builders are pure (documents/forms); mappers read
// the records (documents/mappers); packing is async, so every producing method is an async handler
// that stores its file and audits after the work (ctx.tx, no await inside).

const SOURCES = { minutes: 'meeting', publicNotice: 'notice', announcement: 'notice' } as const;

export const documentsHandlers: HandlerTable = {
  'documents.forms': () =>
    FORM_KEYS.map((key) => ({
      key,
      title: FORMS[key].title,
      isPublic: FORMS[key].isPublic,
      orientation: FORMS[key].orientation,
      source: (SOURCES as Record<string, 'meeting' | 'notice'>)[key] ?? 'household',
      batchable: isHouseholdForm(key),
    })),
  'documents.applicable': (ctx, { householdId }) => {
    assertTargetInScope(ctx, { householdId });
    return applicableForms(mapContext(ctx, true), householdId);
  },
  'documents.generate': { async: (ctx, input) => generateDocument(ctx, input) },
  'documents.batch': { async: (ctx, input) => runBatch(ctx, input) },
  'documents.cancel': (ctx, { jobId }) => ({ cancelled: cancelRunningJob(ctx.services, jobId) }),
  'documents.files': (ctx, { householdId }) => {
    assertTargetInScope(ctx, { householdId });
    return dossierFiles(ctx, householdId);
  },
  'dossier.export': { async: (ctx, { householdId }) => exportDossier(ctx, householdId) },
  'exports.quarterly': { async: (ctx, input) => exportQuarterly(ctx, input) },
  'exports.ledger': { async: (ctx, input) => exportLedger(ctx, input) },
};
