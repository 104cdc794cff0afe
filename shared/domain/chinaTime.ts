// Calendar dates in China time (UTC+8, no DST). Instants are stored as ISO UTC strings; every
// "which day is it" question — deadlines, ages, school years, audit filters — goes through here.
const OFFSET_MS = 8 * 3_600_000;

/** The China calendar date of an instant: 2026-11-29T17:00:00Z → '2026-11-30'. */
export const chinaDate = (instant: Date | string): string => new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** '2026-11-29 14:05' in China time, for messages and printouts. */
export const chinaDateTime = (instant: Date | string): string =>
  new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The instant a China calendar day starts: '2026-11-30' → 2026-11-29T16:00:00.000Z. */
export const chinaDayStart = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+08:00`));

/** 2026-11-29 → 2026年11月29日 (documents). */
export const chineseDateText = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};
