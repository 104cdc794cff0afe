// 家庭人口数 on a given day, from members' joined_at / left_at (自然变更 are dated, never overwritten).
// The income divisor follows the event date: a child born inside the window counts at the window's end,
// a member who died or moved out before it does not (DOMAIN §2–3, data check "member count ≠ income divisor").

/** The dates that decide whether a person belongs to the household on a day. */
export interface DatedMember {
  name?: string;
  /** Day the person entered (出生/婚入/迁入/分户/合户); null = a member since before the records began. */
  joinedAt: string | null;
  /** Day the person left (死亡/婚出/迁出/分户/合户); null = still a member. */
  leftAt: string | null;
}

/**
 * A member on `date` (YYYY-MM-DD): joined on or before that day, and not yet left. Leaving takes effect on the
 * event day itself — someone who died on 06-30 is no longer counted on 06-30 — while joining counts from its day.
 */
export function isMemberOn(m: DatedMember, date: string): boolean {
  if (m.joinedAt && m.joinedAt > date) return false;
  if (m.leftAt && m.leftAt <= date) return false;
  return true;
}

/** 家庭人口数 on `date`. */
export function householdSizeOn(members: readonly DatedMember[], date: string): number {
  return members.filter((m) => isMemberOn(m, date)).length;
}

export interface SizeChange {
  date: string;
  name: string;
  /** +1 joined, −1 left. */
  delta: 1 | -1;
}

/** Joins and departures with a date in [from, to], oldest first: what the clerk sees next to the divisor. */
export function sizeChangesBetween(members: readonly DatedMember[], from: string, to: string): SizeChange[] {
  const changes: SizeChange[] = [];
  const inRange = (d: string | null): d is string => !!d && d >= from && d <= to;
  for (const m of members) {
    if (inRange(m.joinedAt)) changes.push({ date: m.joinedAt, name: m.name ?? '', delta: 1 });
    if (inRange(m.leftAt)) changes.push({ date: m.leftAt, name: m.name ?? '', delta: -1 });
  }
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.delta - b.delta));
}
