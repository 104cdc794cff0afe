import type { HouseholdInput, MemberInput } from '../../../shared/api/schemas/household';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { FEMALE_CHARS, GROUP_NAMES, MALE_CHARS, SURNAMES, VILLAGE_NAMES, WORK_PLACES } from './names';

// Deterministic demo data: the same seed always yields the same township, so demos, e2e tests and
// county-scale benchmarks are repeatable. Shapes are realistic (ages, relations, school grades,
// valid ID numbers), the people are fictional.

export interface DemoOptions {
  seed: number;
  households: number;
  /** 6-digit region code prefixing ID numbers (a valid province code). */
  regionCode?: string;
  /** Reference year for ages (the demo's "now"). */
  year?: number;
  villages?: number;
}

export interface DemoVillage {
  name: string;
  groups: string[];
}

export type DemoHousehold = Omit<HouseholdInput, 'villageId' | 'groupId'> & {
  villageIndex: number;
  groupIndex: number;
  status: 'normal' | 'monitoring' | 'eliminated';
  category: string | null;
  colour: 'red' | 'orange' | 'yellow' | 'blue' | null;
  riskTypes: string[];
};

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoVillages(options: DemoOptions): DemoVillage[] {
  const rand = prng(options.seed * 7919);
  const count = options.villages ?? 3 + Math.floor(rand() * 3);
  return Array.from({ length: count }, (_, i) => ({
    name: VILLAGE_NAMES[i % VILLAGE_NAMES.length] + (i >= VILLAGE_NAMES.length ? String(Math.floor(i / VILLAGE_NAMES.length) + 1) : ''),
    groups: GROUP_NAMES.slice(0, 4 + Math.floor(rand() * 4)),
  }));
}

/** Yields households one at a time so a county-scale run never holds them all. */
export function* generateHouseholds(options: DemoOptions, villages: DemoVillage[]): Generator<DemoHousehold> {
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const year = options.year ?? 2026;
  const region = options.regionCode ?? '620523';
  const used = new Set<string>();
  let serial = 0;

  const idFor = (birth: string, male: boolean): string => {
    for (;;) {
      serial += 1;
      // seq's last digit carries sex: odd = 男, even = 女.
      const base = (serial % 500) * 2 + (male ? 1 : 0);
      const id = makeIdNumber(region, birth, String(base % 1000).padStart(3, '0'));
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const birthIn = (age: number): string => {
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    return `${year - age}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  };
  const person = (surname: string, male: boolean, age: number, relation: string): MemberInput => {
    const given = pick(male ? MALE_CHARS : FEMALE_CHARS) + (rand() < 0.6 ? pick(male ? MALE_CHARS : FEMALE_CHARS) : '');
    const birth = birthIn(age);
    return { name: surname + given, idNumber: idFor(birth, male), relation, ...memberDetails(rand, age, year) };
  };

  for (let i = 0; i < options.households; i++) {
    const villageIndex = Math.floor(rand() * villages.length);
    const groupIndex = Math.floor(rand() * villages[villageIndex].groups.length);
    const surname = pick(SURNAMES);
    const headAge = 30 + Math.floor(rand() * 50);
    const headMale = rand() < 0.85;
    const members: MemberInput[] = [person(surname, headMale, headAge, '户主')];
    if (rand() < 0.85) members.push(person(pick(SURNAMES), !headMale, headAge - 3 + Math.floor(rand() * 6), '配偶'));
    const children = headAge < 65 ? Math.floor(rand() * 3.2) : Math.floor(rand() * 1.5);
    for (let c = 0; c < children; c++) {
      const male = rand() < 0.52;
      // At least 1 year old: a birth date later in the current year could fall after "today".
      members.push(person(surname, male, Math.max(1, headAge - 22 - Math.floor(rand() * 12)), male ? '之子' : '之女'));
    }
    if (headAge < 50 && rand() < 0.3) members.push(person(surname, rand() < 0.4, headAge + 24 + Math.floor(rand() * 8), rand() < 0.5 ? '之父' : '之母'));

    const poorBefore = rand() < 0.25;
    const r = rand();
    const monitored = r < 0.04;
    const colour = monitored ? pick(['red', 'orange', 'orange', 'yellow'] as const) : poorBefore ? 'blue' : null;
    yield {
      householdNo: `${region}${String(villageIndex + 1).padStart(3, '0')}${String(i + 1).padStart(5, '0')}`,
      villageIndex,
      groupIndex,
      address: `${villages[villageIndex].name}${villages[villageIndex].groups[groupIndex]}${1 + Math.floor(rand() * 120)}号`,
      phone: rand() < 0.9 ? `1${pick(['38', '39', '58', '87', '52', '77'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : '',
      householdType: poorBefore ? '脱贫户' : '一般农户',
      flags: rand() < 0.03 ? ['noLabourCapacity'] : [],
      farmlandMu: Math.round(rand() * 80) / 10,
      forestMu: rand() < 0.3 ? Math.round(rand() * 50) / 10 : null,
      grainForGreenMu: null,
      housingAreaM2: 60 + Math.floor(rand() * 120),
      dangerousHouseGrade: null,
      members,
      status: monitored ? 'monitoring' : 'normal',
      category: monitored ? (poorBefore ? '脱贫不稳定户' : pick(['边缘易致贫户', '突发严重困难户'])) : null,
      colour,
      riskTypes: monitored ? [pick(['因病', '因残', '因学', '因务工就业不稳', '因意外事故'])] : [],
    };
  }
}

function memberDetails(rand: () => number, age: number, year: number): Partial<MemberInput> {
  const d: Partial<MemberInput> = { insuredMedical: rand() < 0.97, insuredCritical: rand() < 0.95, insuredPension: age >= 16 && rand() < 0.8 };
  const h = rand();
  d.health = h < 0.82 ? '健康' : h < 0.93 ? '长期慢性病' : h < 0.97 ? '患有大病' : '残疾';
  if (d.health === '残疾') d.disabilityGrade = ['一级', '二级', '三级', '四级'][Math.floor(rand() * 4)];
  if (age >= 6 && age <= 18) {
    const grade = age - 5;
    d.schoolStage = grade <= 6 ? '小学' : grade <= 9 ? '初中' : '普通高中';
    d.schoolGrade = grade <= 6 ? grade : grade <= 9 ? grade - 6 : Math.min(grade - 9, 3);
    d.schoolYearConfirmed = String(year);
  }
  if (age >= 16 && age < 65) {
    d.labourSkill = d.health === '健康' ? (rand() < 0.2 ? '技能劳动力' : '普通劳动力') : '弱劳动力或半劳动力';
    if (d.health === '健康' && rand() < 0.45) {
      d.workPlace = WORK_PLACES[Math.floor(rand() * WORK_PLACES.length)];
      d.workMonths = 3 + Math.floor(rand() * 10);
    }
  } else d.labourSkill = age >= 65 ? '丧失劳动力' : '无劳动力';
  return d;
}
