import type { HouseholdInput, MemberInput } from '../api/schemas/household';
import { validationError, type FieldIssue } from './errors';
import { normalizeIdNumber, validateIdNumber } from './idCard';
import { pinyinInitials } from './pinyin';

export const RESIDENT_ID = '居民身份证';
export const HEAD_RELATION = '户主';

export type NormalizedMember = Omit<MemberInput, 'idNumber'> & { idNumber: string | null; pinyin: string; isHead: boolean; sortOrder: number };

/**
 * Checks a household as a clerk entered it and returns members ready to store: ID numbers
 * normalised and validated (GB 11643), sex and birth date derived from the ID, exactly one 户主,
 * no ID twice in the household. Every problem is reported at once, each naming the member.
 */
export function normalizeHouseholdMembers(input: Pick<HouseholdInput, 'members'>, today: string): NormalizedMember[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const members = input.members.map((m, i): NormalizedMember => {
    const who = `第${i + 1}位成员（${m.name}）`;
    let idNumber: string | null = m.idNumber ? normalizeIdNumber(m.idNumber) : null;
    let sex = m.sex ?? null;
    let birthDate = m.birthDate ?? null;
    if (idNumber && (m.idType ?? RESIDENT_ID) === RESIDENT_ID) {
      const check = validateIdNumber(idNumber, today);
      if (!check.ok) issues.push({ path: `members.${i}.idNumber`, message: `${who}的证件号码有误：${check.reason}` });
      else {
        idNumber = check.normalized;
        sex = check.sex;
        birthDate = check.birthDate;
      }
    }
    if (idNumber) {
      const earlier = seen.get(idNumber);
      if (earlier !== undefined) issues.push({ path: `members.${i}.idNumber`, message: `${who}与第${earlier + 1}位成员的证件号码相同，请核对。` });
      else seen.set(idNumber, i);
    }
    return { ...m, idNumber: idNumber || null, sex, birthDate, pinyin: pinyinInitials(m.name), isHead: m.relation === HEAD_RELATION, sortOrder: i };
  });
  const heads = members.filter((m) => m.isHead).length;
  if (heads !== 1) {
    issues.push({ path: 'members', message: heads === 0 ? '家庭成员中必须有一位「户主」，请在“与户主关系”中选择。' : `家庭成员中只能有一位「户主」，现在有 ${heads} 位。` });
  }
  if (issues.length) throw validationError(issues);
  return members;
}
