/**
 * What may reach a notice board (公示, 公告, the posted 帮扶措施落实情况表). The view-model types keep
 * personal fields out; these two rules cover what the types cannot see:
 * - 主要风险 is dropped unless the office switched privacy.noticeShowsRisks on, because 因病/因残
 *   reveal health status (秦安县: 公示公告中不得公开……健康状况等敏感信息);
 * - free text copied from records (措施内容, 帮扶成效) that reveals health or carries a number is
 *   withheld rather than posted, so one clerk's wording cannot stop a posting or leak a diagnosis.
 */
import { findSensitive } from '../privacy';
import type { MapContext } from './context';

export const WITHHELD = '（含个人敏感信息，不予公示）';

export const publicRisks = (ctx: MapContext, risks: readonly string[]): string[] => (ctx.profile.privacy.noticeShowsRisks ? [...risks] : []);

/**
 * Words that point at an illness or disability in a measure's wording (「住院医疗报销」「伤残补助」)
 * beyond privacy.ts's list of 健康状况 values; a text holding one is withheld. Single characters
 * (病, 药) are not used: 「病虫害防治」「中药材种植」 are farming measures and may be posted.
 */
const HEALTH_HINTS = ['因病', '患病', '疾病', '病情', '病人', '病号', '慢病', '住院', '残障', '残联', '伤残', '透析', '化疗', '手术', '医疗救助', '康复'];

export const postableText = (text: string): string => (findSensitive(text) || HEALTH_HINTS.some((w) => text.includes(w)) ? WITHHELD : text);
