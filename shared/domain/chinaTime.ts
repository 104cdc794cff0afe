// Calendar dates in China time (UTC+8, no DST since 1991). Instants are stored as ISO UTC strings;
// every "which day is it" question — deadlines, ages, school years, audit filters — goes through here.
// The conversion itself lives in deadlines.ts (strict: an ISO time without a zone is refused,
// because JavaScript would read it in the host's zone); these are the names the rest of the code uses.
export { chinaDateOf as chinaDate, chinaDateTimeOf as chinaDateTime } from './deadlines';

/** The instant a China calendar day starts: '2026-11-30' → 2026-11-29T16:00:00.000Z. */
export const chinaDayStart = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+08:00`));

/** 2026-11-29 → 2026年11月29日 (documents). */
export const chineseDateText = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};
