/**
 * The FORMS table, batch printing (one section per household), and the layout helpers every form
 * shares: dates, money, check boxes, the approval block, signatures.
 */
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  approvalBlock,
  checkboxes,
  fitInBox,
  formatChineseDate,
  formatChineseMonth,
  formatYuan,
  pngSize,
  scaleColumns,
  textWidth,
  yesNo,
} from '../../../electron/backend/documents/layout';
import { DEFAULT_MARGINS, printOptionsFromProfile } from '../../../electron/backend/documents/options';
import { SEED_PROFILE } from '../../../shared/domain/profile';
import { buildDocx, buildMerged, FORM_KEYS, FORMS, MAX_MERGED_FORMS } from '../../../electron/backend/documents/registry';
import { DomainError } from '../../../shared/domain/errors';
import { readDocx } from './docx-read';
import { FIXTURES, HEAD_NAME, intake, publicNotice } from './fixtures';
import { signaturePng } from './png';

describe('FORMS', () => {
  it('has the nine standard forms (公示 and 公告 separately) with a builder each', async () => {
    expect(FORM_KEYS).toHaveLength(10);
    for (const key of FORM_KEYS) {
      const def = FORMS[key];
      expect(def.title.length).toBeGreaterThan(3);
      const doc = await readDocx(await buildDocx(key, FIXTURES[key] as never));
      expect(doc.text.length).toBeGreaterThan(50);
      const landscape = /w:orient="landscape"/.test(doc.xml);
      expect(landscape).toBe(def.orientation === 'landscape');
    }
  });

  it('refuses an unknown form key in Chinese', async () => {
    await expect(buildDocx('nonsense' as never, intake as never)).rejects.toThrow(/没有名为「nonsense」的文书/);
  });
});

describe('buildMerged (batch print)', () => {
  const second = { ...intake, 户: { ...intake.户, 户主姓名: '龚德明', 户编号: '430626108201000045' } };
  const third = { ...intake, 户: { ...intake.户, 户主姓名: '刘桂英', 户编号: '430626108201000077' } };

  it('puts each household in its own section, numbered from page 1', async () => {
    const doc = await readDocx(await buildMerged('intake', [intake, second, third]));
    expect(doc.sections).toBe(3);
    expect((doc.xml.match(/<w:pgNumType w:start="1"\/>/g) ?? []).length).toBe(3);
    // a new section starts on a new page (docx's default section type is nextPage)
    expect(doc.xml).not.toMatch(/<w:type w:val="continuous"\/>/);
    const order = [HEAD_NAME, '龚德明', '刘桂英'].map((n) => doc.text.indexOf(`户主姓名\n${n}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(doc.footers.join('')).toContain('SECTIONPAGES');
  });

  it('counts the whole document in a single form', async () => {
    const doc = await readDocx(await buildDocx('intake', intake));
    expect(doc.footers.join('')).toContain('NUMPAGES');
    expect(doc.footers.join('')).not.toContain('SECTIONPAGES');
  });

  it('keeps landscape postings landscape', async () => {
    const doc = await readDocx(await buildMerged('publicNotice', [publicNotice, publicNotice]));
    expect((doc.xml.match(/w:orient="landscape"/g) ?? []).length).toBe(2);
  });

  it('refuses more households than one document can hold, asking to split the batch', async () => {
    const tooMany = Array.from({ length: MAX_MERGED_FORMS + 1 }, () => intake);
    await expect(buildMerged('intake', tooMany)).rejects.toThrow(`一次最多合并打印${MAX_MERGED_FORMS}户`);
  });

  it('asks for at least one household', async () => {
    const error = await buildMerged('intake', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain('请至少选择一户');
  });
});

describe('options from the 地方口径 profile', () => {
  it('takes margins, faces and check-box lists from the profile', async () => {
    const profile = {
      ...SEED_PROFILE,
      documents: { ...SEED_PROFILE.documents, marginsCm: { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 }, fonts: { ...SEED_PROFILE.documents.fonts, title: '华文中宋' } },
    };
    const options = printOptionsFromProfile(profile);
    expect(options.profile?.风险类型).toEqual(SEED_PROFILE.enums.riskTypes.map((r) => r.label));
    const bytes = await buildDocx('intake', intake, options);
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="FormTitle"[\s\S]*?w:eastAsia="华文中宋"/);
    expect(styles).toContain(`w:eastAsia="${SEED_PROFILE.documents.fonts.body}"`);
    const doc = await readDocx(bytes);
    expect(doc.xml).toMatch(/w:top="2098"/);
    for (const risk of SEED_PROFILE.enums.riskTypes) expect(doc.text).toContain(risk.label);
  });
});

describe('layout helpers', () => {
  it('formats dates and months the 公文 way', () => {
    expect(formatChineseDate('2026-11-29')).toBe('2026年11月29日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatChineseDate(undefined)).toBe('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    expect(formatChineseMonth('2026-03')).toBe('2026年3月');
    expect(() => formatChineseDate('2026/11/29')).toThrow(/格式不对/);
  });

  it('turns 分 into 元 with two decimals without floating point', () => {
    expect(formatYuan(123456)).toBe('1234.56');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(860000)).toBe('8600.00');
    expect(formatYuan(undefined)).toBe('');
    expect(() => formatYuan(12.5)).toThrow(/必须是以分为单位的整数/);
  });

  it('prints check boxes and yes/no', () => {
    expect(checkboxes(['脱贫户', '一般农户'], '一般农户')).toBe('□脱贫户\u3000☑一般农户');
    expect(checkboxes(['因病', '因学', '因残'], ['因病', '因残'], ' ')).toBe('☑因病 □因学 ☑因残');
    expect(yesNo(true)).toBe('☑是 □否');
    expect(yesNo(null)).toBe('□是 □否');
  });

  it('scales column weights to exactly the text width', () => {
    const width = textWidth('portrait', DEFAULT_MARGINS);
    expect(width).toBe(11906 - 2 * 1797);
    const cols = scaleColumns([1, 2, 3, 4, 5, 6, 7], width);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(width);
    expect(textWidth('landscape', DEFAULT_MARGINS)).toBe(16838 - 2 * 1797);
  });

  it('reads PNG sizes and fits signatures into their box keeping the aspect ratio', () => {
    const png = signaturePng(300, 60, 2);
    expect(pngSize(png)).toEqual({ width: 300, height: 60 });
    expect(fitInBox({ width: 300, height: 60 }, { width: 90, height: 36 })).toEqual({ width: 90, height: 18 });
    expect(() => pngSize(new Uint8Array([1, 2, 3]))).toThrow(/不是 PNG 格式/);
  });

  it('builds the one approval block: opinion, seal, 经办人/负责人, date', async () => {
    const block = approvalBlock({
      opinion: '同意上报。',
      sealOf: '红星村民委员会',
      consent: { value: true },
      roles: [{ label: '经办人', name: '李建国' }, { label: '负责人', signature: { 签名图片: signaturePng() } }],
      date: '2026-11-28',
    });
    const packed = await Packer.toBuffer(new Document({ sections: [{ children: block }] }));
    const doc = await readDocx(packed);
    expect(doc.text.split('\n')).toEqual(['☑同意 □不同意', '同意上报。', '红星村民委员会（盖章）', '经办人：　李建国　　　负责人：', '2026年11月28日']);
    expect(doc.drawings).toBe(1);
    const blank = await readDocx(await Packer.toBuffer(new Document({ sections: [{ children: approvalBlock({}) }] })));
    expect(blank.text).toContain('（盖章）');
    expect(blank.text).toMatch(/经办人：_{10}　　负责人：_{10}/);
    expect(blank.text).toContain('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
  });
});
