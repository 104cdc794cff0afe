import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, cleanName, cleanText, excelScientific, neutraliseFormula, restoreNeutralised, startsLikeFormula, toCell } from '../../shared/domain/cellText';
import { compactCode, excelSerialToIso, parseCode, parseDate, parseDecimal, parseInteger, parsePhone, parseSchoolStatus, parseSex, parseYesNo } from '../../shared/domain/cellParse';
import { SEED_PROFILE } from '../../shared/domain/profile';

describe('toCell', () => {
  it('keeps only the cached result of a formula, never the formula', () => {
    expect(toCell({ formula: 'HYPERLINK("http://evil","x")', result: '点击' })).toEqual({ kind: 'text', text: '点击' });
    expect(toCell({ sharedFormula: 'A1', result: 7 })).toEqual({ kind: 'number', value: 7 });
    expect(toCell({ formula: 'cmd|/c calc!A1' })).toEqual({ kind: 'empty' });
  });

  it('reads rich text, hyperlinks, dates in UTC, errors and blanks', () => {
    expect(toCell({ richText: [{ text: '张' }, { text: '三' }] })).toEqual({ kind: 'text', text: '张三' });
    expect(toCell({ text: '链接文字', hyperlink: 'http://x' })).toEqual({ kind: 'text', text: '链接文字' });
    expect(toCell(new Date(Date.UTC(2023, 0, 5)))).toEqual({ kind: 'date', iso: '2023-01-05' });
    expect(toCell({ error: '#N/A' })).toEqual({ kind: 'error', text: '#N/A' });
    expect(toCell('   ')).toEqual({ kind: 'empty' });
    expect(toCell(null)).toEqual({ kind: 'empty' });
  });

  it('prints integers without an exponent', () => {
    expect(cellText({ kind: 'number', value: 62052300100001 })).toBe('62052300100001');
    expect(cellText({ kind: 'bool', value: true })).toBe('是');
  });
});

describe('cleanText / cleanName', () => {
  it('drops zero-width and control characters and collapses spaces', () => {
    expect(cleanText('\u200b 石桥村\u3000\u3000一组\u0007 ')).toBe('石桥村 一组');
    expect(cleanName(' 张　三 ')).toBe('张三');
    expect(cleanName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
  });
});

describe('formula-injection neutralising', () => {
  it('prefixes an apostrophe to every trigger, including full-width ones', () => {
    for (const t of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx', '\nx', '＝HYPERLINK()', '＋1', '－1', '＠x']) {
      expect(neutraliseFormula(t)).toBe(`'${t}`);
    }
    expect(neutraliseFormula('张三')).toBe('张三');
    expect(neutraliseFormula('')).toBe('');
  });

  it('property: output never starts with a trigger, and strips back to the input', () => {
    const trigger = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠');
    const text = fc.oneof(fc.string(), fc.tuple(trigger, fc.string()).map(([a, b]) => a + b));
    fc.assert(
      fc.property(text, (s) => {
        const out = neutraliseFormula(s);
        expect(startsLikeFormula(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
        expect(out !== s).toBe(startsLikeFormula(s));
        // what an import reads back from our own export is the original text
        if (!s.startsWith("'")) expect(restoreNeutralised(out)).toBe(s);
      }),
    );
  });

  it('reads a neutralised cell back as the original text on import', () => {
    expect(cellText({ kind: 'text', text: "'=HYPERLINK(\"x\")" })).toBe('=HYPERLINK("x")');
    expect(cellText({ kind: 'text', text: "'张三" })).toBe("'张三");
  });
});

describe('parseCode: ID numbers and 户编号 stored as numbers', () => {
  it('refuses a number that already lost digits, naming how Excel shows it', () => {
    const r = parseCode({ kind: 'number', value: 430102199001011200 }, '证件号码');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('4.30102E+17');
    expect(excelScientific(430102000000000000)).toBe('4.30102E+17');
  });

  it('keeps a short number exactly and normalises full-width digits and spaces', () => {
    expect(parseCode({ kind: 'number', value: 62052300100001 }, '户编号')).toEqual({ ok: true, value: '62052300100001' });
    expect(parseCode({ kind: 'text', text: '４３０１ ０２１９９００１０１１２３x' }, '证件号码')).toEqual({ ok: true, value: '43010219900101123X' });
    expect(compactCode("'430102")).toBe('430102');
  });
});

describe('parseDate', () => {
  it('reads Excel serials (1900 system), date cells and text forms', () => {
    expect(excelSerialToIso(44927)).toBe('2023-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(parseDate({ kind: 'number', value: 44927.75 }, '出生日期')).toEqual({ ok: true, value: '2023-01-01' });
    for (const t of ['2023-01-05', '2023/1/5', '2023年1月5日', '20230105', '2023.1.5', '２０２３-０１-０５', '2023/1/5 0:00:00', '44931']) {
      expect(parseDate({ kind: 'text', text: t }, '出生日期')).toEqual({ ok: true, value: '2023-01-05' });
    }
  });

  it('refuses impossible dates in Chinese', () => {
    const r = parseDate({ kind: 'text', text: '2023-02-30' }, '入户日期');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/入户日期.*YYYY-MM-DD/);
  });
});

describe('numbers, yes/no, phone, sex, school status', () => {
  it('parses bounded integers and decimals', () => {
    expect(parseInteger({ kind: 'text', text: '６' }, '务工时间', 0, 12)).toEqual({ ok: true, value: 6 });
    expect(parseInteger({ kind: 'number', value: 13 }, '务工时间', 0, 12).ok).toBe(false);
    expect(parseInteger({ kind: 'text', text: '3.5' }, '务工时间', 0, 12).ok).toBe(false);
    expect(parseDecimal({ kind: 'text', text: '1,234.567' }, '耕地面积', 100_000)).toEqual({ ok: true, value: 1234.57 });
    expect(parseDecimal({ kind: 'text', text: '5亩' }, '耕地面积', 100_000).ok).toBe(false);
  });

  it('reads 是/否 spellings', () => {
    for (const y of ['是', '√', 'Y', '1', '已参加']) expect(parseYesNo({ kind: 'text', text: y }, 'x')).toEqual({ ok: true, value: true });
    for (const n of ['否', '×', 'n', '0', '未参加']) expect(parseYesNo({ kind: 'text', text: n }, 'x')).toEqual({ ok: true, value: false });
    expect(parseYesNo({ kind: 'text', text: '也许' }, '低保').ok).toBe(false);
  });

  it('keeps odd phone numbers with a warning', () => {
    expect(parsePhone({ kind: 'number', value: 13800001234 }, '联系电话')).toEqual({ ok: true, value: '13800001234' });
    expect(parsePhone({ kind: 'text', text: '138-0000-1234' }, '联系电话')).toEqual({ ok: true, value: '13800001234' });
    const odd = parsePhone({ kind: 'text', text: '12345' }, '联系电话');
    expect(odd.ok && odd.warning).toMatch(/不像手机号/);
    expect(parseSex({ kind: 'text', text: '女性' })).toEqual({ ok: true, value: '女' });
  });

  it('splits 在校生情况 into stage and grade using the profile stages', () => {
    const stages = SEED_PROFILE.enums.schoolStages;
    expect(parseSchoolStatus('小学三年级', stages)).toEqual({ ok: true, value: { stage: '小学', grade: 3 } });
    expect(parseSchoolStatus('高中2年级', stages)).toEqual({ ok: true, value: { stage: '普通高中', grade: 2 } });
    expect(parseSchoolStatus('非在校生', stages)).toEqual({ ok: true, value: null });
    expect(parseSchoolStatus('初中五年级', stages).ok).toBe(false);
    expect(parseSchoolStatus('技校', stages).ok).toBe(false);
  });
});

describe('cleanText fast path', () => {
  // The reference: what cleanText did before it skipped plain strings.
  const reference = (s: string) => s.normalize('NFC').replace(/[\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\s\u3000]+/g, ' ').trim();
  it('gives exactly what the full cleaning gives, for any string', () => {
    const chars = fc.constantFrom('a', 'Z', '9', ' ', '\t', '\n', '\u3000', '\u200b', '\ufeff', '\u0007', '张', '三', '（', 'é', 'e\u0301', '\uf900', '·', '-');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (s) => cleanText(s) === reference(s)));
  });
});
