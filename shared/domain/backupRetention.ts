import { chinaDate } from './chinaTime';

// Which automatic backups to keep (reliability bar B-02, Actual Budget's idea with longer tails
// because these are government records):
//   · everything from the last 24 hours, capped at the newest 10;
//   · the newest backup of each China calendar day for 30 days;
//   · the newest backup of each calendar month for 12 months;
//   · never the newest backup that passed integrity_check, whatever its age.
// Pure: the caller lists the files and deletes what `prune` names.

export interface BackupStamp {
  id: string;
  /** ISO instant the backup was taken. */
  createdAt: string;
  /** Passed integrity_check when it was written (legacy files without a manifest: false). */
  verified: boolean;
}

export interface RetentionRules {
  recentHours: number;
  recentMax: number;
  dailyDays: number;
  monthlyMonths: number;
}

export const DEFAULT_RETENTION: RetentionRules = { recentHours: 24, recentMax: 10, dailyDays: 30, monthlyMonths: 12 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** 'YYYY-MM' in China time → a month counter, so "12 months back" is plain subtraction. */
const monthIndex = (instant: Date | string): number => {
  const [y, m] = chinaDate(instant).split('-').map(Number);
  return y * 12 + (m - 1);
};

export function selectBackupsToKeep(backups: BackupStamp[], now: Date, rules: RetentionRules = DEFAULT_RETENTION): { keep: string[]; prune: string[] } {
  const nowMs = now.getTime();
  const dated = backups
    .map((b) => ({ ...b, ms: Date.parse(b.createdAt) }))
    .sort((a, b) => b.ms - a.ms || (a.id < b.id ? 1 : -1));
  const keep = new Set<string>();

  // A stamp we cannot read, or one from the future (clock moved back), is never ours to judge.
  for (const b of dated) if (Number.isNaN(b.ms) || b.ms > nowMs) keep.add(b.id);
  const past = dated.filter((b) => !Number.isNaN(b.ms) && b.ms <= nowMs);

  past
    .filter((b) => nowMs - b.ms < rules.recentHours * HOUR_MS)
    .slice(0, rules.recentMax)
    .forEach((b) => keep.add(b.id));

  keepNewestPerBucket(past.filter((b) => nowMs - b.ms < rules.dailyDays * DAY_MS), (b) => chinaDate(new Date(b.ms)), keep);
  const thisMonth = monthIndex(now);
  keepNewestPerBucket(
    past.filter((b) => thisMonth - monthIndex(new Date(b.ms)) < rules.monthlyMonths),
    (b) => String(monthIndex(new Date(b.ms))),
    keep,
  );

  const newestGood = dated.find((b) => b.verified);
  if (newestGood) keep.add(newestGood.id);

  return { keep: dated.filter((b) => keep.has(b.id)).map((b) => b.id), prune: dated.filter((b) => !keep.has(b.id)).map((b) => b.id) };
}

/** `sorted` is newest first, so the first backup seen in a bucket is the one kept. */
function keepNewestPerBucket<T extends { id: string }>(sorted: T[], bucketOf: (b: T) => string, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const b of sorted) {
    const bucket = bucketOf(b);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    keep.add(b.id);
  }
}
