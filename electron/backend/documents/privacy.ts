/**
 * Last line of defence for public postings (公示, 公告, 帮扶措施落实情况表): the view-model types
 * cannot carry ID numbers, phones, bank accounts or health status, but free text (备注, 主要情况,
 * 帮扶成效…) can. Every text a posting prints from household data passes through here; a hit
 * stops the print with a message naming the row and field, so the clerk removes it.
 */
import { validationError, type FieldIssue } from '../../../shared/domain/errors';

/** Patterns of personal data that must never reach a notice board. */
const SENSITIVE: { what: string; pattern: RegExp }[] = [
  // 18-digit 居民身份证 (last char may be X), also 15-digit old numbers, digits possibly spaced
  { what: '证件号码', pattern: /(?<!\d)\d{6}\s?(18|19|20)\d{2}\s?[01]\d[0-3]\d\s?\d{3}[\dXx](?![\dXx])/ },
  { what: '证件号码', pattern: /(?<!\d)\d{15}(?!\d)/ },
  // masked ID such as 4301**********1234 — a masked number is still not allowed on a posting
  { what: '证件号码', pattern: /\d{2,6}[*＊]{4,}\d{2,4}[\dXx]?/ },
  // mobile 13812345678 / 138 1234 5678 / masked 138****1234
  { what: '手机号', pattern: /(?<!\d)1[3-9]\d[\s-]?(\d{4}|[*＊]{4})[\s-]?\d{4}(?!\d)/ },
  // landline 0731-12345678
  { what: '电话号码', pattern: /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/ },
  // bank card: 16–19 digits, possibly in groups of four
  { what: '银行账号', pattern: /(?<!\d)(\d{4}[\s-]?){3}\d{4,7}(?!\d)/ },
];

/** 健康状况 values (DOMAIN §2) — a risk type such as 因病 is allowed, a diagnosis is not. */
const HEALTH_WORDS = ['长期慢性病', '慢性病', '患有大病', '大病', '重病', '残疾', '癌', '精神病', '瘫痪', '尿毒症', '白血病', '透析'];

/** What a text reveals, if anything: 「证件号码」「手机号」「健康状况」…; undefined when clean. */
export function findSensitive(text: string): string | undefined {
  for (const { what, pattern } of SENSITIVE) if (pattern.test(text)) return what;
  const health = HEALTH_WORDS.find((w) => text.includes(w));
  return health ? `健康状况（「${health}」）` : undefined;
}

/** One printed field of a posting: where it is (for the message) and its text. */
export interface PostedText {
  where: string;
  field: string;
  text: string | undefined;
}

/**
 * Throws a validation error listing every field that would publish personal data.
 * `what` names the posting, e.g. 「拟纳入名单公示」.
 */
export function assertPostable(what: string, texts: readonly PostedText[]): void {
  const issues: FieldIssue[] = [];
  for (const t of texts) {
    if (!t.text) continue;
    const found = findSensitive(t.text);
    if (found) {
      issues.push({
        path: `${t.where}.${t.field}`,
        message: `${what}${t.where}「${t.field}」含有${found}，公示公告不得公开农户身份证件号码、手机号、银行账号、健康状况等敏感信息，请删除后再打印。`,
      });
    }
  }
  if (issues.length > 0) throw validationError(issues);
}
