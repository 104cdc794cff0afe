import { useCallback, useEffect, useState } from 'react';
import type { Division } from '../../../../shared/api/methods/divisions';
import { api } from '../../api/client';

// Screens often mount two users of the tree at once (a register and its closed form drawer): their first
// loads share one request in flight instead of asking twice. A settled request is never reused and
// reload() always asks afresh, so an edit made in 单位与区划 shows on the next load.
let inFlight: ReturnType<typeof fetchDivisions> | null = null;
function fetchDivisions() {
  return api.result('divisions.list', {});
}
function loadDivisions() {
  inFlight ??= fetchDivisions().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * The division tree, loaded once per screen; small (a township has tens of rows). `enabled: false` holds
 * the request back (a register asks for its first rows before the tree, which a county holds thousands of).
 */
export function useDivisions({ enabled = true }: { enabled?: boolean } = {}) {
  const [divisions, setDivisions] = useState<Division[]>([]);
  const show = useCallback(async (request: ReturnType<typeof fetchDivisions>) => {
    const r = await request;
    if (r.ok) setDivisions(r.value);
  }, []);
  const reload = useCallback(() => show(fetchDivisions()), [show]);
  useEffect(() => {
    if (enabled) void show(loadDivisions());
  }, [show, enabled]);
  const villages = divisions.filter((d) => d.level === 'village');
  const groupsOf = (villageId: string | undefined) => divisions.filter((d) => d.level === 'group' && d.parentId === villageId);
  return { divisions, villages, groupsOf, reload };
}
