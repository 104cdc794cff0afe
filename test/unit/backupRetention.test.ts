import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectBackupsToKeep, type BackupStamp } from '../../shared/domain/backupRetention';
import { chinaDate } from '../../shared/domain/chinaTime';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const stamp = (id: string, msAgo: number, verified = true): BackupStamp => ({ id, createdAt: at(msAgo), verified });

describe('selectBackupsToKeep', () => {
  it('keeps every backup of the last 24 hours up to 10, newest first', () => {
    const backups = Array.from({ length: 14 }, (_, i) => stamp(`b${i}`, i * HOUR));
    const { keep, prune } = selectBackupsToKeep(backups, NOW);
    // b0..b9 are the 10 newest; of the older ones, only those that are the newest of their day survive.
    for (let i = 0; i < 10; i++) expect(keep).toContain(`b${i}`);
    expect(prune.length).toBeGreaterThan(0);
    expect(prune.every((id) => Number(id.slice(1)) >= 10)).toBe(true);
  });

  it('keeps one per day for 30 days and one per month for 12 months', () => {
    const backups: BackupStamp[] = [];
    for (let d = 1; d <= 400; d++) {
      backups.push(stamp(`d${d}-a`, d * DAY), stamp(`d${d}-b`, d * DAY + 2 * HOUR));
    }
    const { keep } = selectBackupsToKeep(backups, NOW);
    const keptDays = new Set(keep.map((id) => chinaDate(backups.find((b) => b.id === id)!.createdAt)));
    for (let d = 1; d < 30; d++) expect(keptDays.has(chinaDate(at(d * DAY)))).toBe(true);
    const keptMonths = new Set(keep.map((id) => backups.find((b) => b.id === id)!.createdAt.slice(0, 7)));
    expect(keptMonths.size).toBeGreaterThanOrEqual(12);
    expect(keep).not.toContain('d399-b');
    expect(keep.length).toBeLessThanOrEqual(10 + 30 + 12 + 1);
  });

  it('never prunes the newest verified backup, however old', () => {
    const backups = [stamp('old-good', 800 * DAY, true), ...Array.from({ length: 5 }, (_, i) => stamp(`bad${i}`, i * HOUR, false))];
    const { keep } = selectBackupsToKeep(backups, NOW);
    expect(keep).toContain('old-good');
  });

  it('keeps stamps from the future and unreadable stamps', () => {
    const { prune } = selectBackupsToKeep([{ id: 'future', createdAt: at(-5 * DAY), verified: true }, { id: 'junk', createdAt: 'not-a-date', verified: false }], NOW);
    expect(prune).toEqual([]);
  });

  const backupSet = fc.uniqueArray(
    fc.record({ id: fc.uuid(), ageMs: fc.integer({ min: 0, max: 900 * DAY }), verified: fc.boolean() }),
    { selector: (b) => b.id, maxLength: 120 },
  );

  it('property: the newest good backup survives, counts are bounded, and pruning twice prunes nothing more', () => {
    fc.assert(
      fc.property(backupSet, (raw) => {
        const backups = raw.map((b) => stamp(b.id, b.ageMs, b.verified));
        const { keep, prune } = selectBackupsToKeep(backups, NOW);
        expect(keep.length + prune.length).toBe(backups.length);
        const newestGood = [...raw].filter((b) => b.verified).sort((a, b) => a.ageMs - b.ageMs)[0];
        if (newestGood) expect(keep).toContain(newestGood.id);
        const recent = raw.filter((b) => b.ageMs < DAY);
        const keptRecent = recent.filter((b) => keep.includes(b.id));
        expect(keptRecent.length).toBeGreaterThanOrEqual(Math.min(10, recent.length));
        expect(keep.length).toBeLessThanOrEqual(10 + 30 + 12 + 1);
        const again = selectBackupsToKeep(backups.filter((b) => keep.includes(b.id)), NOW);
        expect(again.prune).toEqual([]);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('property: each of the last 30 days that had a backup still has one', () => {
    fc.assert(
      fc.property(backupSet, (raw) => {
        const backups = raw.map((b) => stamp(b.id, b.ageMs, b.verified));
        const { keep } = selectBackupsToKeep(backups, NOW);
        const keptDays = new Set(keep.map((id) => chinaDate(backups.find((b) => b.id === id)!.createdAt)));
        for (const b of raw.filter((x) => x.ageMs < 30 * DAY)) expect(keptDays.has(chinaDate(at(b.ageMs)))).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
