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
  const birthIn = (age: number) => `${COUNTY_YEAR - age}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
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
  for (const h of generateHouseholds({ seed: spec.seed, households: spec.households, year: COUNTY_YEAR }, villages)) {
    const r = rand();
    const extras = r < 0.07 ? 2 : r < 0.42 ? 1 : 0;
    const head = h.members[0];
    const headAge = COUNTY_YEAR - Number(head.idNumber!.slice(6, 10));
    const surname = head.name.slice(0, 1);
    if (extras >= 1) h.members.push(extra(`${h.members[1]?.name.slice(0, 1) ?? '王'}${GIVEN[Math.floor(rand() * GIVEN.length)]}`, false, Math.max(20, headAge - 25), '之儿媳'));
    if (extras >= 2) {
      const male = rand() < 0.52;
      h.members.push(extra(`${surname}${GIVEN[Math.floor(rand() * GIVEN.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}`, male, Math.max(0, Math.min(15, headAge - 50)), male ? '之孙子' : '之孙女'));
    }
    yield h;
  }
}

const GIVEN = ['晓', '雨', '欣', '子', '梓', '浩', '宇', '佳', '思', '一', '嘉', '悦'];
