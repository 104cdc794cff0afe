/**
 * Public postings (公示, 公告, 帮扶措施落实情况表) must not show ID numbers — full or masked —,
 * phones, bank accounts or health status (秦安县 rule, DOMAIN §9). Checked three ways: on the
 * printed XML of the fixtures, on free text that smuggles such data in (refused), and on objects
 * that carry extra fields at runtime (never read).
 */
import { describe, expect, it } from 'vitest';
import type { PublicListEntryVM, PublicNoticeVM } from '../../../electron/backend/documents/model';
import { findSensitive } from '../../../electron/backend/documents/privacy';
import { buildDocx, FORMS, type FormKey } from '../../../electron/backend/documents/registry';
import { DomainError } from '../../../shared/domain/errors';
import { maskIdNumber, maskPhone } from '../../../shared/domain/idCard';
import { readDocx } from './docx-read';
import { announcement, eliminationNotice, HEAD_PHONE, measures, members, publicNotice, SON_PHONE } from './fixtures';

const FULL_ID = /\d{17}[\dXx]/;
const MASKED_ID = /\d{2,6}[*＊]{3,}\d{2,4}/;
const MOBILE = /1[3-9]\d{9}|1[3-9]\d[*＊]{4}\d{4}/;
const HEALTH = [...new Set(members.map((m) => m.健康状况).filter((h) => h !== '健康'))];

async function postedText(key: FormKey, model: unknown): Promise<string> {
  const doc = await readDocx(await buildDocx(key, model as never));
  return `${doc.text}\n${doc.footers.join('\n')}`;
}

const postings: [string, FormKey, unknown][] = [
  ['拟纳入公示', 'publicNotice', publicNotice],
  ['拟消除风险公示', 'publicNotice', eliminationNotice],
  ['公告', 'announcement', announcement],
  ['帮扶措施落实情况表', 'measures', measures],
];

describe('public postings print no personal data', () => {
  it.each(postings)('%s has no ID number, phone or health status', async (_name, key, model) => {
    const text = await postedText(key, model);
    expect(text).toMatch(/红星村|平江县/); // the posting itself is there
    expect(text).not.toMatch(FULL_ID);
    expect(text).not.toMatch(MASKED_ID);
    expect(text).not.toMatch(MOBILE);
    for (const m of members) {
      expect(text).not.toContain(m.证件号码);
      expect(text).not.toContain(maskIdNumber(m.证件号码));
    }
    for (const phone of [HEAD_PHONE, SON_PHONE]) {
      expect(text).not.toContain(phone);
      expect(text).not.toContain(maskPhone(phone));
    }
    for (const h of HEALTH) expect(text).not.toContain(h);
  });

  it('marks exactly the postable forms as public', () => {
    const publicKeys = (Object.keys(FORMS) as FormKey[]).filter((k) => FORMS[k].isPublic).sort();
    expect(publicKeys).toEqual(['announcement', 'measures', 'publicNotice']);
  });
});

describe('free text that would leak personal data is refused', () => {
  const withRemark = (备注: string): PublicNoticeVM => ({ ...publicNotice, 名单: [{ ...publicNotice.名单[0], 备注 }] });

  it.each([
    ['full ID', `身份证${members[0].证件号码}`, '证件号码'],
    ['masked ID', `证件${maskIdNumber(members[0].证件号码)}`, '证件号码'],
    ['mobile', `电话${HEAD_PHONE}`, '手机号'],
    ['masked mobile', `联系${maskPhone(HEAD_PHONE)}`, '手机号'],
    ['bank account', '账号6228 4801 2345 6789 012', '银行账号'],
    ['health status', '配偶患有大病', '健康状况'],
  ])('%s in 备注', async (_what, remark, reported) => {
    const error = await buildDocx('publicNotice', withRemark(remark)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).message).toContain('名单第1行「备注」');
    expect((error as DomainError).message).toContain(reported);
  });

  it('also guards the measures sheet', async () => {
    const leaky = { ...measures, 措施: [{ ...measures.措施[0], 帮扶成效: `已联系户主${HEAD_PHONE}` }] };
    await expect(buildDocx('measures', leaky)).rejects.toThrow(/第1项措施「帮扶成效」含有手机号/);
  });

  it('lets ordinary words through', () => {
    expect(findSensitive('因病、住房安全')).toBeUndefined();
    expect(findSensitive('边缘易致贫户，4人')).toBeUndefined();
    expect(findSensitive('2026年11月21日')).toBeUndefined();
  });
});

describe('the posting types cannot carry personal fields', () => {
  it('never reads extra fields an object carries at runtime', async () => {
    const smuggled = {
      ...publicNotice.名单[0],
      证件号码: members[0].证件号码,
      联系电话: HEAD_PHONE,
      健康状况: '长期慢性病',
      银行账号: '6228480123456789012',
    } as unknown as PublicListEntryVM;
    const text = await postedText('publicNotice', { ...publicNotice, 名单: [smuggled] });
    expect(text).toContain(smuggled.户主姓名);
    expect(text).not.toContain(members[0].证件号码);
    expect(text).not.toContain(HEAD_PHONE);
    expect(text).not.toContain('长期慢性病');
    expect(text).not.toContain('6228480123456789012');
  });

  it('rejects such objects at compile time', () => {
    const row = { 村民小组: '第三组', 户主姓名: '某', 家庭人口数: 1, 证件号码: members[0].证件号码 };
    // @ts-expect-error — 证件号码 is typed `never` on a public list entry
    const entry: PublicListEntryVM = row;
    // @ts-expect-error — so is 健康状况
    const sick: PublicListEntryVM = { 村民小组: '第三组', 户主姓名: '某', 家庭人口数: 1, 健康状况: '患有大病' };
    expect(entry.户主姓名).toBe('某');
    expect(sick.户主姓名).toBe('某');
  });
});
