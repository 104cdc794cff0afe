// Matching village and group names as clerks write them: 石桥 / 石桥村, 1组 / 一组 / 第一组 / 第1村民小组.
import { toHalfWidth } from './idCard';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 → 一 … 九十九 (how group numbers are usually written in Chinese). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones ? CN[ones] : ''}`;
}

const clean = (name: string): string => toHalfWidth(name ?? '').replace(/[\s\u3000]/g, '').replace(/[()（）]/g, '');

/** Comparable form of a village name: 石桥村 / 石桥 / 石桥村(社区) → 石桥. */
export function villageKey(name: string): string {
  return clean(name).replace(/(社区|村委会|村民委员会|居委会|村)$/, '').replace(/(社区|村)$/, '');
}

/** Comparable form of a group name: 一组 / 1组 / 第一组 / 第1村民小组 / 一 → 一. */
export function groupKey(name: string): string {
  const s = clean(name)
    .replace(/^第/, '')
    .replace(/(村民小组|小组|组|社|队)$/, '');
  return s.replace(/\d+/g, (d) => chineseNumber(Number(d)));
}

/** Finds the one division whose key equals the name's key; `ambiguous` when two share it. */
export function findByName<T extends { name: string }>(candidates: readonly T[], name: string, key: (n: string) => string): { found?: T; ambiguous?: boolean } {
  const exact = candidates.filter((c) => c.name === name);
  if (exact.length === 1) return { found: exact[0] };
  const k = key(name);
  if (!k) return {};
  const hits = candidates.filter((c) => key(c.name) === k);
  if (hits.length === 1) return { found: hits[0] };
  return hits.length > 1 ? { ambiguous: true } : {};
}
