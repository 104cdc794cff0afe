// The free-text rule of public postings: text that reveals illness or carries an ID/phone is withheld,
// farming words that merely contain 病/药 are posted; 主要风险 follows the office's switch.
import { describe, expect, it } from 'vitest';
import { postableText, publicRisks, WITHHELD } from '../../../electron/backend/documents/mappers/publicText';
import type { MapContext } from '../../../electron/backend/documents/mappers/context';
import { SEED_PROFILE } from '../../../shared/domain/profile';

const ctx = (on: boolean) => ({ profile: { ...SEED_PROFILE, privacy: { ...SEED_PROFILE.privacy, noticeShowsRisks: on } } }) as unknown as MapContext;

describe('postableText', () => {
  it.each(['办理慢性病卡', '住院医疗报销', '配偶患有大病', '残疾人两项补贴', '申请医疗救助', '联系电话13812345678', '户主身份证430626196803120318'])('withholds 「%s」', (text) => {
    expect(postableText(text)).toBe(WITHHELD);
  });

  it.each(['病虫害防治技术服务', '中药材种植补贴', '护林员', '小额信贷5万元发展养殖'])('posts 「%s」', (text) => {
    expect(postableText(text)).toBe(text);
  });

  it('prints 主要风险 only when the office switched it on', () => {
    expect(publicRisks(ctx(false), ['因病', '因学'])).toEqual([]);
    expect(publicRisks(ctx(true), ['因病', '因学'])).toEqual(['因病', '因学']);
  });
});
