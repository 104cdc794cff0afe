import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, guessDelimiter, parseCsv } from '../../shared/domain/csvParse';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\ufeff姓名,住址,备注\r\n张三,"石桥村,一组","他说""好""\r\n第二行"\r\n李四,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '住址', '备注'],
      ['张三', '石桥村,一组', '他说"好"\r\n第二行'],
      ['李四', '', ''],
    ]);
  });

  it('guesses tab and semicolon delimiters, ignoring a title line', () => {
    expect(guessDelimiter('花名册\n姓名\t证件号码\t关系\n张三\t1\t户主')).toBe('\t');
    expect(guessDelimiter('姓名;证件号码;关系\n张三;1;户主')).toBe(';');
    expect(guessDelimiter('姓名,证件号码\n张三,1')).toBe(',');
  });

  it('property: quoting then parsing gives the fields back', () => {
    const field = fc.string().filter((s) => !s.includes('\r'));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
        const parsed = parseCsv(text, ',');
        expect(parsed).toEqual(rows.map((r) => (r.length === 1 && r[0] === '' ? [''] : r)));
      }),
    );
  });
});
