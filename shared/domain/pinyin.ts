import { pinyin } from 'pinyin-pro';

// Names repeat (a roster import reads each head twice; given names recur in a township), and
// pinyin-pro's segmentation costs a few µs per name: up to REMEMBER names' initials are kept
// (the whole memo is dropped when full — simpler than LRU and just as good for a bulk pass).
const REMEMBER = 50_000;
const remembered = new Map<string, string>();

/**
 * Pinyin initials for search: 张三丰 → "zsf". Surname mode reads 单/曾/解… as surnames (shan, zeng,
 * xie), which is how clerks say them. Non-Han characters are kept as lower-case letters/digits.
 * Stored as an indexed column so prefix search uses the index (ECOSYSTEM §2).
 */
export function pinyinInitials(name: string): string {
  if (!name) return '';
  let initials = remembered.get(name);
  if (initials === undefined) {
    initials = computeInitials(name);
    if (remembered.size >= REMEMBER) remembered.clear();
    remembered.set(name, initials);
  }
  return initials;
}

function computeInitials(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return initials
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** True when a search string looks like pinyin initials rather than a name or number. */
export const looksLikeInitials = (s: string): boolean => /^[a-zA-Z]{1,10}$/.test(s);
