import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblems } from '../../shared/domain/passwordPolicy';

const RULES = { minLength: 8, minClasses: 3 };

describe('passwordProblems', () => {
  it('accepts a long mixed password', () => {
    expect(passwordProblems('Qingshan#2026', RULES, 'zhangsan')).toEqual([]);
  });

  it('names each problem in Chinese', () => {
    expect(passwordProblems('abc', RULES, 'x').join('')).toContain('至少需要 8 位');
    expect(passwordProblems('abcdefgh', RULES, 'x').join('')).toContain('至少 3 类');
    expect(passwordProblems('Zhangsan#2026', RULES, 'zhangsan').join('')).toContain('不能包含用户名');
    expect(passwordProblems('P@ssw0rd', RULES, 'x').join('')).toContain('过于常见');
    expect(passwordProblems('Ab1# 2345', RULES, 'x').join('')).toContain('空格');
  });

  it('counts characters, not UTF-16 units, for the length rule', () => {
    expect(passwordProblems('𠮷𠮷𠮷Aa1', { minLength: 7, minClasses: 1 }, 'x')).toHaveLength(1);
  });

  it('follows the profile: a 4-class rule refuses a 3-class password', () => {
    expect(passwordProblems('Qingshan2026', { minLength: 8, minClasses: 4 }, 'x')).toHaveLength(1);
    expect(passwordProblems('Qingshan2026', { minLength: 8, minClasses: 3 }, 'x')).toEqual([]);
  });

  it('property: accepted passwords meet length and class rules; generated strong ones are accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 8, max: 16 }), fc.integer({ min: 1, max: 4 }), (pw, minLength, minClasses) => {
        const problems = passwordProblems(pw, { minLength, minClasses }, 'clerk');
        if (problems.length === 0) {
          expect([...pw].length).toBeGreaterThanOrEqual(minLength);
          expect(characterClasses(pw)).toBeGreaterThanOrEqual(minClasses);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
    const strong = fc
      .tuple(fc.stringMatching(/^[A-Z]{3}$/), fc.stringMatching(/^[a-z]{3}$/), fc.stringMatching(/^[0-9]{2}$/), fc.constantFrom('#', '!', '%', '_'))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(strong, (pw) => {
        expect(passwordProblems(pw, RULES, 'zz')).toEqual([]);
      }),
      { seed: 43, numRuns: 200 },
    );
  });
});
