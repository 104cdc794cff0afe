import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials for search: 张三丰 → "zsf". Surname mode reads 单/曾/解… as surnames (shan, zeng,
 * xie), which is how clerks say them. Non-Han characters are kept as lower-case letters/digits.
 * Stored as an indexed column so prefix search uses the index (ECOSYSTEM §2).
 */
export function pinyinInitials(name: string): string {
  if (!name) return '';
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return initials
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** True when a search string looks like pinyin initials rather than a name or number. */
export const looksLikeInitials = (s: string): boolean => /^[a-zA-Z]{1,10}$/.test(s);
