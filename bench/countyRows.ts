import type { DemoHousehold } from '../electron/backend/demo/generator';
import { pinyinInitials } from '../shared/domain/pinyin';

// DemoHousehold → the column values the bulk loader binds. What saveHousehold derives for a clerk
// (pinyin initials, sex and birth date from the ID, the denormalised head columns, member_count)
// is derived here the same way, so register queries see the shapes the app writes.

export const HOUSEHOLD_INSERT = `INSERT INTO households (id, household_no, village_id, group_id, address, head_name, head_pinyin,
  head_id_number, phone, household_type, flags, farmland_mu, forest_mu, grain_for_green_mu, housing_area_m2,
  dangerous_house_grade, status, category, colour, risk_types, monitored_since, member_count, created_at, updated_at, updated_by)
  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;

export const MEMBER_INSERT = `INSERT INTO members (id, household_id, name, pinyin, id_number, sex, birth_date, relation, is_head,
  school_stage, school_grade, school_year_confirmed, health, disability_grade, labour_skill, work_place, work_months,
  insured_medical, insured_critical, insured_pension, sort_order, created_at, updated_at, updated_by)
  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;

/** pinyin-pro costs ~8 µs a name; names repeat a lot in a county, so cache them. */
const pinyinCache = new Map<string, string>();
export function cachedInitials(name: string): string {
  let p = pinyinCache.get(name);
  if (p === undefined) {
    p = pinyinInitials(name);
    pinyinCache.set(name, p);
  }
  return p;
}

const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女');
const birthOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

export function householdValues(h: DemoHousehold, id: string, villageId: string, groupId: string, at: string, monitoredSince: string): unknown[] {
  const head = h.members[0];
  return [
    id, h.householdNo ?? null, villageId, groupId, h.address ?? '', head.name, cachedInitials(head.name), head.idNumber ?? null,
    h.phone ?? '', h.householdType, JSON.stringify(h.flags ?? []), h.farmlandMu ?? null, h.forestMu ?? null, h.grainForGreenMu ?? null,
    h.housingAreaM2 ?? null, h.dangerousHouseGrade ?? null, h.status, h.category, h.colour, JSON.stringify(h.riskTypes),
    h.status === 'monitoring' ? monitoredSince : null, h.members.length, at, at, 'admin',
  ];
}

export function memberValues(m: DemoHousehold['members'][number], id: string, householdId: string, sortOrder: number, at: string): unknown[] {
  const idn = m.idNumber!;
  return [
    id, householdId, m.name, cachedInitials(m.name), idn, sexOf(idn), birthOf(idn), m.relation, m.relation === '户主' ? 1 : 0,
    m.schoolStage ?? null, m.schoolGrade ?? null, m.schoolYearConfirmed ?? null, m.health ?? null, m.disabilityGrade ?? null,
    m.labourSkill ?? null, m.workPlace ?? null, m.workMonths ?? null, m.insuredMedical ? 1 : 0, m.insuredCritical ? 1 : 0,
    m.insuredPension ? 1 : 0, sortOrder, at, at, 'admin',
  ];
}

/** UUID-shaped, ordered like UUIDv7 (so inserts append to the primary-key index, as in the app). */
export const orderedId = (kind: number, n: number): string =>
  `019ad${kind.toString(16).padStart(3, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
