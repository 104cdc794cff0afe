// Age (周岁) filters of the 人员名册 as birth-date bounds, so the database can use its birth_date index.
// Same rule as idCard.ageOn: someone born on MM-DD is a year older from that MM-DD on (string comparison, so a
// 02-29 birthday counts from 03-01 in common years).

export interface BirthBounds {
  /** birth_date <= this ⇔ age ≥ ageFrom. */
  bornOnOrBefore?: string;
  /** birth_date > this ⇔ age ≤ ageTo. */
  bornAfter?: string;
}

const shiftYears = (date: string, years: number): string => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4, 10)}`;

export function birthBoundsForAges(today: string, ageFrom?: number, ageTo?: number): BirthBounds {
  const bounds: BirthBounds = {};
  if (ageFrom !== undefined) bounds.bornOnOrBefore = shiftYears(today, ageFrom);
  if (ageTo !== undefined) bounds.bornAfter = shiftYears(today, ageTo + 1);
  return bounds;
}
