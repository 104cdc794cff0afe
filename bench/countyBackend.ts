import { createBackend, type Backend } from '../electron/backend/index';
import type { Session } from '../electron/backend/context';
import { login } from './context';
import { BENCH_ADMIN_PASSWORD, ensureCountyDb, workingCopy } from './county';
import { COUNTY_FULL } from './countyData';

/**
 * For probes: the backend on a fresh working copy (bench/.data/run/<name>) of the full county fixture, its
 * start-up check and first daily backup done (so neither runs beside what is measured), logged in as admin.
 */
export async function countyBackend(name: string): Promise<{ backend: Backend; session: Session; dataDir: string }> {
  const county = await ensureCountyDb(COUNTY_FULL);
  const dataDir = workingCopy(county, name);
  const backend = await createBackend({ dataDir, adminPassword: BENCH_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
  await backend.integrity;
  await backend.maintenance;
  return { backend, session: await login(backend), dataDir };
}
