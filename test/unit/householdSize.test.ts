import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdSizeOn, isMemberOn, sizeChangesBetween, type DatedMember } from '../../shared/domain/householdSize';
import { birthBoundsForAges } from '../../shared/domain/memberAge';
import { ageOn } from '../../shared/domain/idCard';
import { rescaleMessage, rescalePerCapita } from '../../shared/domain/incomeDivisor';

const members: DatedMember[] = [
  { name: '户主', joinedAt: null, leftAt: '2026-06-30' }, // died 06-30
  { name: '配偶', joinedAt: null, leftAt: null },
  { name: '婴儿', joinedAt: '2026-03-01', leftAt: null }, // born 03-01
  { name: '儿媳', joinedAt: '2026-12-01', leftAt: null },
];

describe('householdSizeOn: 家庭人口数 on a date', () => {
  it('counts a joiner from its day and drops a leaver on its day', () => {
    expect(householdSizeOn(members, '2026-02-28')).toBe(2);
    expect(householdSizeOn(members, '2026-03-01')).toBe(3);
    expect(householdSizeOn(members, '2026-06-29')).toBe(3);
    expect(householdSizeOn(members, '2026-06-30')).toBe(2);
    expect(householdSizeOn(members, '2026-12-01')).toBe(3);
  });

  it('equals the number of members with joinedAt ≤ date < leftAt (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const member = fc.record({ joinedAt: fc.option(day, { nil: null }), leftAt: fc.option(day, { nil: null }) });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), day, (ms, date) => {
        const expected = ms.filter((m) => (m.joinedAt ?? '0000') <= date && (m.leftAt ?? '9999') > date).length;
        expect(householdSizeOn(ms, date)).toBe(expected);
        expect(ms.filter((m) => isMemberOn(m, date)).length).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('lists the joins and departures inside a window, oldest first', () => {
    expect(sizeChangesBetween(members, '2025-12-01', '2026-11-30')).toEqual([
      { date: '2026-03-01', name: '婴儿', delta: 1 },
      { date: '2026-06-30', name: '户主', delta: -1 },
    ]);
    expect(sizeChangesBetween(members, '2024-01-01', '2024-12-31')).toEqual([]);
  });
});

describe('birthBoundsForAges: age filters as birth-date bounds', () => {
  it('agrees with ageOn for ages on both sides of each bound, including 02-29', () => {
    const today = '2026-02-28';
    const births = ['2010-02-27', '2010-02-28', '2010-03-01', '2008-02-29', '2009-12-31', '1946-02-28', '1946-03-01'];
    for (const [from, to] of [
      [16, 16],
      [6, 16],
      [17, 18],
      [80, 120],
    ]) {
      const b = birthBoundsForAges(today, from, to);
      for (const birth of births) {
        const age = ageOn(birth, today);
        const inBounds = birth <= b.bornOnOrBefore! && birth > b.bornAfter!;
        expect(inBounds, `${birth} age ${age} in [${from}, ${to}]`).toBe(age >= from && age <= to);
      }
    }
  });

  it('leaves an open side open', () => {
    expect(birthBoundsForAges('2026-11-29', 60)).toEqual({ bornOnOrBefore: '1966-11-29' });
    expect(birthBoundsForAges('2026-11-29', undefined, 5)).toEqual({ bornAfter: '2020-11-29' });
  });
});

describe('rescalePerCapita: a new divisor for a stored 纯收入', () => {
  it('divides half up and compares with the lines (at the line is not below)', () => {
    expect(rescalePerCapita(2_200_000, 3, 400_000, 860_000)).toEqual({ perCapitaFen: 733_333, comparison: 'belowMonitoring', gapToMonitoringFen: 126_667 });
    expect(rescalePerCapita(1_720_000, 2, 400_000, 860_000)).toMatchObject({ perCapitaFen: 860_000, comparison: 'atOrAboveMonitoring', gapToMonitoringFen: 0 });
    expect(rescalePerCapita(799_999, 2, 400_000, 860_000)).toMatchObject({ perCapitaFen: 400_000, comparison: 'belowMonitoring' });
    expect(rescalePerCapita(799_997, 2, 400_000, 860_000)).toMatchObject({ perCapitaFen: 399_999, comparison: 'belowPoverty' });
  });

  it('says when the comparison changed', () => {
    const msg = rescaleMessage({ from: '2025-11-29', to: '2026-11-28' }, { divisor: 3, perCapitaFen: 733_333, comparison: 'belowMonitoring' }, { divisor: 2, perCapitaFen: 1_100_000, comparison: 'atOrAboveMonitoring' });
    expect(msg).toContain('人口 3 → 2 人');
    expect(msg).toContain('由“低于监测范围”变为“达到或超过监测范围”');
    expect(rescaleMessage({ from: 'a', to: 'b' }, { divisor: 3, perCapitaFen: 1, comparison: 'belowPoverty' }, { divisor: 4, perCapitaFen: 1, comparison: 'belowPoverty' })).not.toContain('复核');
  });
});
