import { useCallback, useEffect, useState } from 'react';
import type { Division } from '../../../../shared/api/methods/divisions';
import { api } from '../../api/client';

/** The division tree, loaded once per screen; small (a township has tens of rows). */
export function useDivisions() {
  const [divisions, setDivisions] = useState<Division[]>([]);
  const reload = useCallback(async () => {
    const r = await api.result('divisions.list', {});
    if (r.ok) setDivisions(r.value);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const villages = divisions.filter((d) => d.level === 'village');
  const groupsOf = (villageId: string | undefined) => divisions.filter((d) => d.level === 'group' && d.parentId === villageId);
  return { divisions, villages, groupsOf, reload };
}
