import { countyBackend } from '../countyBackend';

// The clerk's most common write on the county database: open a household (households.get) and save it
// back with one field changed (households.save: the checks, ~20 index b-trees, the audit row and the
// change log, one transaction with synchronous=FULL). Median and worst of 20, through dispatch.
// `npx tsx bench/probes/county-save.ts`

const { backend, session } = await countyBackend('county-save');
const ids = backend.services.db.prepare(`SELECT id FROM households ORDER BY rowid LIMIT 20 OFFSET 123456`).pluck().all() as string[];
const times: { get: number; save: number }[] = [];
for (const [i, id] of ids.entries()) {
  const t0 = performance.now();
  const got = await backend.dispatch('households.get', { id }, session);
  const t1 = performance.now();
  if (!got.ok) throw new Error(got.error.message);
  const h = got.value as Record<string, unknown> & { members: Record<string, unknown>[] };
  const input = { id: h.id, rowVersion: h.rowVersion, villageId: h.villageId, groupId: h.groupId, householdType: h.householdType, phone: `1390000${String(1000 + i)}`, address: h.address, members: h.members.map((m) => ({ id: m.id, name: m.name, idNumber: m.idNumber, relation: m.relation, sex: m.sex, birthDate: m.birthDate, health: m.health, labourSkill: m.labourSkill })) };
  const saved = await backend.dispatch('households.save', input, session);
  if (!saved.ok) throw new Error(`households.save: ${saved.error.message}`);
  times.push({ get: t1 - t0, save: performance.now() - t1 });
}
const stat = (xs: number[]) => ({ median: Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10, worst: Math.round(Math.max(...xs) * 10) / 10 });
console.log({ get: stat(times.map((t) => t.get)), save: stat(times.map((t) => t.save)) });
backend.close();
