import type { MemberInput } from '../shared/api/schemas/household';
import { makeIdNumber } from '../shared/domain/idCard';
import { demoVillages, generateHouseholds, prng, type DemoHousehold, type DemoVillage } from '../electron/backend/demo/generator';

// A thin wrapper over the demo generator (which we do not edit) that shapes a whole county:
// several townships, each with its own demoVillages() seed, and households generated in ONE pass
// over all villages so the generator's own ID-uniqueness set covers the county. The generator
// averages ~2.85 people per household; a county register averages ~3.3 (三代同堂 is common), so
// we add 之儿媳 / 之孙子女 to some households. Their ID numbers carry neighbouring counties' region
// codes (people married in / born elsewhere) and are checked unique by our own set, so they can
// never collide with the generator's.

export interface CountySpec {
  seed: number;
  households: number;
  townships: number;
  villagesPerTownship: number;
  /** P(at least k extra members), k = 1, 2, 3…; default [0.42, 0.07] (mean +0.49 → ~3.35 people a household). */
  extraMembers?: number[];
  /** Reference year for ages (default 2026). A file meant to pass import validation uses the year before,
   *  so no age-0 child has a birth date later than today. */
  year?: number;
}

export const COUNTY_FULL: CountySpec = { seed: 20261129, households: 300_000, townships: 15, villagesPerTownship: 20 };
/** Same density per village (~1,000 households) at a tenth of the size: --quick. */
export const COUNTY_QUICK: CountySpec = { seed: 20261129, households: 30_000, townships: 3, villagesPerTownship: 10 };

const TOWNSHIP_NAMES = ['城关镇', '新集镇', '河口镇', '石门乡', '柳林镇', '大营乡', '马坪镇', '清水镇', '白杨乡', '金川镇', '龙泉镇', '三合乡', '永丰镇', '长岭乡', '南湖镇'];
const EXTRA_REGIONS = ['620521', '620522', '620524'];
export const COUNTY_YEAR = 2026;

export interface CountyTownship {
  name: string;
  villages: DemoVillage[];
}

export function countyTownships(spec: CountySpec): CountyTownship[] {
  return Array.from({ length: spec.townships }, (_, t) => ({
    name: TOWNSHIP_NAMES[t % TOWNSHIP_NAMES.length] + (t >= TOWNSHIP_NAMES.length ? String(Math.floor(t / TOWNSHIP_NAMES.length) + 1) : ''),
    villages: demoVillages({ seed: spec.seed + t, households: 0, villages: spec.villagesPerTownship }),
  }));
}

/** Households over the county's villages (village index = position in the flattened township list). */
export function* countyHouseholds(spec: CountySpec, townships: CountyTownship[]): Generator<DemoHousehold> {
  const villages = townships.flatMap((t) => t.villages);
  const rand = prng(spec.seed ^ 0x5eed);
  const used = new Set<string>();
  let serial = 0;
  const extraId = (birth: string, male: boolean): string => {
    for (;;) {
      serial += 1;
      const seq = ((serial % 500) * 2 + (male ? 1 : 0)) % 1000;
      const id = makeIdNumber(EXTRA_REGIONS[serial % EXTRA_REGIONS.length], birth, seq);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const year = spec.year ?? COUNTY_YEAR;
  const birthIn = (age: number) => `${year - age}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const extra = (name: string, male: boolean, age: number, relation: string): MemberInput => ({
    name,
    idNumber: extraId(birthIn(age), male),
    relation,
    health: '健康',
    insuredMedical: true,
    insuredCritical: true,
    insuredPension: age >= 16,
    labourSkill: age >= 16 ? '普通劳动力' : '无劳动力',
  });
  for (const h of generateHouseholds({ seed: spec.seed, households: spec.households, year }, villages)) {
    const r = rand();
    const extras = (spec.extraMembers ?? DEFAULT_EXTRAS).filter((p) => r < p).length;
    const head = h.members[0];
    const headAge = year - Number(head.idNumber!.slice(6, 10));
    const surname = head.name.slice(0, 1);
    if (extras >= 1) h.members.push(extra(`${h.members[1]?.name.slice(0, 1) ?? '王'}${GIVEN[Math.floor(rand() * GIVEN.length)]}`, false, Math.max(20, headAge - 25), '之儿媳'));
    for (let k = 2; k <= extras; k++) {
      const male = rand() < 0.52;
      h.members.push(extra(`${surname}${GIVEN[Math.floor(rand() * GIVEN.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}`, male, Math.max(0, Math.min(15, headAge - 50 + k)), male ? '之孙子' : '之孙女'));
    }
    yield h;
  }
}

const DEFAULT_EXTRAS = [0.42, 0.07];
const GIVEN = ['晓', '雨', '欣', '子', '梓', '浩', '宇', '佳', '思', '一', '嘉', '悦'];
