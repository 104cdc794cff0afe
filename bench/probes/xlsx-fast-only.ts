import { readSheet } from '../../electron/backend/imports/readSheet';
import { rosterXlsx, ROSTER_SPEC } from '../fixtures/rosterXlsx';
const { bytes } = await rosterXlsx(ROSTER_SPEC);
const job = { breathe: async () => {}, progress() {}, throwIfCancelled() {} } as never;
const c0 = process.cpuUsage();
for (let k = 0; k < 5; k++) await readSheet(bytes, 'r.xlsx', job, () => {});
const c = process.cpuUsage(c0); console.log('cpu per read ms', Math.round((c.user + c.system) / 5000));
