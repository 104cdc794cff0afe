import type { HandlerContext } from '../context';
import { saveHousehold } from '../handlers/households';
import * as divisions from '../repos/divisions';
import { getHousehold } from '../repos/households';
import { demoVillages, generateHouseholds, type DemoHousehold } from './generator';

/**
 * Writes the demo township through the same use-cases a clerk uses (so audit and change log are
 * real), in the caller's transaction. ~2,000 households take a few seconds.
 */
export function seedDemoTownship(ctx: HandlerContext, options: { households: number; seed: number; township: string }): { households: number } {
  const at = ctx.nowIso();
  const by = ctx.session?.username ?? 'admin';
  const townshipId = ctx.ids.newId();
  divisions.insertDivision(ctx.db, { id: townshipId, parentId: null, level: 'township', name: options.township, code: null, sortOrder: 0 }, at, by);
  const villages = demoVillages({ seed: options.seed, households: options.households });
  const ids = villages.map((v, vi) => {
    const villageId = ctx.ids.newId();
    divisions.insertDivision(ctx.db, { id: villageId, parentId: townshipId, level: 'village', name: v.name, code: null, sortOrder: (vi + 1) * 10 }, at, by);
    const groupIds = v.groups.map((g, gi) => {
      const id = ctx.ids.newId();
      divisions.insertDivision(ctx.db, { id, parentId: villageId, level: 'group', name: g, code: null, sortOrder: (gi + 1) * 10 }, at, by);
      return id;
    });
    return { villageId, groupIds };
  });
  const year = Number(at.slice(0, 4));
  let n = 0;
  for (const h of generateHouseholds({ seed: options.seed, households: options.households, year }, villages)) {
    const { villageIndex, groupIndex, status, category, colour, riskTypes, ...input } = h;
    const saved = saveHousehold(ctx, { ...input, villageId: ids[villageIndex].villageId, groupId: ids[villageIndex].groupIds[groupIndex] });
    markDemoStatus(ctx, saved.id, { status, category, colour, riskTypes }, at);
    n += 1;
  }
  ctx.audit({ action: 'create', entity: 'demo', summary: `生成演示乡镇「${options.township}」：${villages.length} 个村，${n} 户` });
  return { households: n };
}

/**
 * Demo only: monitored status and colour normally come from the procedures and assessments. The
 * row version moves and the change log gets the row, so demo data syncs like any other.
 */
function markDemoStatus(ctx: HandlerContext, id: string, s: Pick<DemoHousehold, 'status' | 'category' | 'colour' | 'riskTypes'>, at: string): void {
  if (s.status === 'normal' && !s.colour) return;
  ctx.db
    .prepare(`UPDATE households SET status = ?, category = ?, colour = ?, risk_types = ?, monitored_since = ?, row_version = row_version + 1 WHERE id = ?`)
    .run(s.status, s.category, s.colour, JSON.stringify(s.riskTypes), s.status === 'monitoring' ? at.slice(0, 10) : null, id);
  const after = getHousehold(ctx.db, id)!;
  ctx.change('household', id, after.rowVersion, 'upsert', { ...after, members: undefined, formerMembers: undefined });
}
