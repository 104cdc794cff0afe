import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  idCheckDigit,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  validateDisabilityCertNo,
  validateIdNumber,
} from '../../shared/domain/idCard';

const TODAY = '2026-03-15';
// The GB 11643 standard's own worked example: 11010519491231002X.
const STANDARD_EXAMPLE = '11010519491231002X';

function reasonOf(raw: string, today = TODAY): string {
  const r = validateIdNumber(raw, today);
  if (r.ok) throw new Error(`expected ${raw} to be rejected`);
  return r.reason;
}

describe('validateIdNumber', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    expect(validateIdNumber(STANDARD_EXAMPLE, TODAY)).toEqual({ ok: true, normalized: STANDARD_EXAMPLE, birthDate: '1949-12-31', sex: '女' });
  });

  it('derives 男 from an odd 17th digit', () => {
    const id = makeIdNumber('430102', '19900101', '123');
    const r = validateIdNumber(id, TODAY);
    expect(r.ok && r.sex).toBe('男');
  });

  it('normalises full-width digits, lower-case x, spaces and an Excel apostrophe', () => {
    const fullWidth = '１１０１０５ １９４９１２３１ ００２ｘ';
    const r = validateIdNumber(`  '${fullWidth}\u3000`, TODAY);
    expect(r.ok && r.normalized).toBe(STANDARD_EXAMPLE);
    expect(normalizeIdNumber('11010519491231002x')).toBe(STANDARD_EXAMPLE);
  });

  it('names the expected check digit', () => {
    expect(reasonOf('110105194912310021')).toBe('证件号码校验位错误：最后一位应为 X，请核对');
  });

  it('detects Excel scientific notation', () => {
    expect(reasonOf('4.30102E+17')).toContain('科学计数法');
    expect(reasonOf('4.30102e17')).toContain('科学计数法');
  });

  it('hints at Excel truncation when the number ends in 000 and the check fails', () => {
    // 430102199001011 + 000: the check digit of 43010219900101100 is 0, so pick a prefix whose truncation fails.
    const truncated = '430102199001012000';
    expect(idCheckDigit(truncated.slice(0, 17))).not.toBe('0');
    expect(reasonOf(truncated)).toContain('Excel');
    expect(reasonOf(makeIdNumber('430102', '19900101', '124').slice(0, 17) + 'X')).not.toContain('Excel');
  });

  it('reports the length, the 15-digit old format, empty input and bad characters', () => {
    expect(reasonOf('')).toContain('为空');
    expect(reasonOf('4301021990010112')).toContain('当前为 16 位');
    expect(reasonOf('430102900101123')).toContain('15 位的旧身份证');
    expect(reasonOf('43010219900101123A')).toContain('非法字符“A”');
    expect(reasonOf('4301021990010X1234')).toContain('只有最后一位可以是 X');
  });

  it('rejects an unknown province code', () => {
    const id = makeIdNumber('990102', '19900101', '123');
    expect(reasonOf(id)).toContain('前两位“99”');
  });

  it('rejects impossible and future birth dates', () => {
    expect(reasonOf(makeIdNumber('430102', '19900230', '123'))).toContain('“19900230”不是有效日期');
    expect(reasonOf(makeIdNumber('430102', '18991231', '123'))).toContain('不是有效日期');
    expect(reasonOf(makeIdNumber('430102', '20260316', '123'))).toContain('晚于今天（2026-03-15）');
    expect(validateIdNumber(makeIdNumber('430102', '20260315', '123'), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('430102', '20000229', '123'), TODAY).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('430102', '19000229', '123'), TODAY).ok).toBe(false);
  });

  it('accepts a Date for today, read as the China calendar day', () => {
    // 2026-03-15T17:00Z is already 2026-03-16 01:00 in China.
    expect(validateIdNumber(makeIdNumber('430102', '20260316', '123'), new Date('2026-03-15T17:00:00Z')).ok).toBe(true);
    expect(validateIdNumber(makeIdNumber('430102', '20260316', '123'), new Date('2026-03-15T15:00:00Z')).ok).toBe(false);
  });
});

const provinceArb = fc.constantFrom('11', '13', '32', '43', '44', '51', '62', '65');
const birthArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2026, 2, 15)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const validIdArb = fc
  .tuple(provinceArb, fc.integer({ min: 0, max: 9999 }), birthArb, fc.integer({ min: 0, max: 999 }))
  .map(([p, county, birth, seq]) => makeIdNumber(p + String(county).padStart(4, '0'), birth, seq));

describe('validateIdNumber properties', () => {
  it('every generated ID passes and round-trips its birth date', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        const r = validateIdNumber(id, TODAY);
        return r.ok && r.normalized === id && r.birthDate.replace(/-/g, '') === id.slice(6, 14);
      }),
      { numRuns: 300 },
    );
  });

  it('any single-character change is rejected', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id[pos]);
        const replacement = alphabet[(current + delta) % alphabet.length];
        if (replacement === id[pos]) return true; // delta wrapped to the same char (only for 10 digits + delta 10)
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return !validateIdNumber(changed, TODAY).ok;
      }),
      { numRuns: 300 },
    );
  });
});

describe('check digit and generator', () => {
  it('computes X for the standard example', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });
  it('refuses malformed generator input', () => {
    expect(() => makeIdNumber('4301', '19900101', '1')).toThrow();
    expect(() => makeIdNumber('430102', '1990-01-01', '1')).toThrow();
    expect(makeIdNumber('430102', '19900101', 7).slice(14, 17)).toBe('007');
  });
});

describe('validateDisabilityCertNo', () => {
  const id = makeIdNumber('430102', '19800505', '246');
  it('accepts 20 and 22 chars and reports category and grade', () => {
    const r20 = validateDisabilityCertNo(`${id}42`, TODAY);
    expect(r20).toMatchObject({ ok: true, idNumber: id, category: '4', grade: '2', sex: '女', birthDate: '1980-05-05' });
    expect(validateDisabilityCertNo(`${id}4201`, TODAY).ok).toBe(true);
  });
  it('rejects wrong length, bad prefix, bad category/grade', () => {
    const bad = (s: string): string => {
      const r = validateDisabilityCertNo(s, TODAY);
      return r.ok ? 'OK' : r.reason;
    };
    expect(bad(`${id}4`)).toContain('20 位或 22 位');
    expect(bad(`${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}42`)).toContain('校验位错误');
    expect(bad(`${id}82`)).toContain('残疾类别');
    expect(bad(`${id}45`)).toContain('残疾等级');
    expect(bad(`${id}4A`)).toContain('应为数字');
  });
});

describe('masking', () => {
  it('masks an ID keeping first 4 and last 4 by default', () => {
    expect(maskIdNumber('430102199001011234')).toBe('4301**********1234');
    expect(maskIdNumber('430102199001011234', { keepStart: 6, keepEnd: 0 })).toBe('430102************');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
  it('masks a mobile phone as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
  });
});

describe('ageOn', () => {
  it('counts full years, birthday inclusive', () => {
    expect(ageOn('2010-03-15', '2026-03-14')).toBe(15);
    expect(ageOn('2010-03-15', '2026-03-15')).toBe(16);
    expect(ageOn('2026-03-16', '2026-03-15')).toBe(-1);
  });
  it('a 02-29 birthday counts from 03-01 in common years', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});
