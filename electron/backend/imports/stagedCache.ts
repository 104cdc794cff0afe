import type { BackendServices } from '../context';
import type { StagedHousehold } from '../repos/imports';

// The staged households of the latest previews, kept in memory beside their rows in import_households,
// so the commit that usually follows need not re-read and parse ~10 MB of JSON for 10,000 households.
// The database copy stays the truth: after a restart, or for a preview this process has forgotten,
// the commit reads it from there. Entries are only ever the exact objects that were serialised.

const KEEP = 2;
const byServices = new WeakMap<BackendServices, Map<string, readonly StagedHousehold[]>>();

export function rememberStaged(services: BackendServices, previewId: string, staged: readonly StagedHousehold[]): void {
  let map = byServices.get(services);
  if (!map) byServices.set(services, (map = new Map()));
  map.set(previewId, staged);
  // Oldest first in a Map: keep only the last few previews' data in memory.
  while (map.size > KEEP) map.delete(map.keys().next().value!);
}

/** The remembered staged households of `previewId` (removed from memory), or undefined. */
export function takeStaged(services: BackendServices, previewId: string): readonly StagedHousehold[] | undefined {
  const map = byServices.get(services);
  const staged = map?.get(previewId);
  map?.delete(previewId);
  return staged;
}

export function forgetStaged(services: BackendServices, previewId: string): void {
  byServices.get(services)?.delete(previewId);
}
