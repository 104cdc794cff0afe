import type { Household, HouseholdInput } from '../../../shared/api/schemas/household';
import type { NormalizedMember } from '../../../shared/domain/household';
import { schoolYearOf } from '../../../shared/domain/schoolYear';
import type { HouseholdWrite } from '../repos/households';
import type { MemberWrite } from '../repos/members';

// What a household save writes and records, in one place for both writers: households.save (one
// household, clerk's edit) and the roster import's bulk create (imports/bulkCreate.ts). Sharing these
// keeps the rows, the audit diff and the county change-log payload identical whichever path wrote them.

/** 户 fields shown in the audit view (old → new). */
export const HOUSEHOLD_LABELS: Record<string, string> = {
  householdNo: '户编号',
  villageId: '行政村',
  groupId: '村民小组',
  address: '住址',
  headName: '户主',
  phone: '联系电话',
  householdType: '户类型',
  flags: '户属性',
  farmlandMu: '耕地面积',
  forestMu: '林地面积',
  grainForGreenMu: '退耕还林面积',
  housingAreaM2: '住房面积',
  dangerousHouseGrade: '危房等级',
};

/** 成员 fields shown in the audit view. */
export const MEMBER_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '证件号码',
  relation: '与户主关系',
  sex: '性别',
  birthDate: '出生日期',
  health: '健康状况',
  labourSkill: '劳动技能',
  schoolStage: '学段',
  schoolGrade: '年级',
  phone: '电话',
};

/** The households row for `input`; head name, pinyin and ID are denormalised from the 户主 member. */
export function householdWriteOf(id: string, input: HouseholdInput, members: readonly NormalizedMember[]): HouseholdWrite {
  const head = members.find((m) => m.isHead)!;
  return {
    id,
    householdNo: input.householdNo?.trim() || null,
    villageId: input.villageId,
    groupId: input.groupId ?? null,
    address: input.address ?? '',
    headName: head.name,
    headPinyin: head.pinyin,
    headIdNumber: head.idNumber,
    phone: input.phone ?? '',
    householdType: input.householdType,
    flags: input.flags ?? [],
    farmlandMu: input.farmlandMu ?? null,
    forestMu: input.forestMu ?? null,
    grainForGreenMu: input.grainForGreenMu ?? null,
    housingAreaM2: input.housingAreaM2 ?? null,
    dangerousHouseGrade: input.dangerousHouseGrade ?? null,
    memberCount: members.length,
  };
}

/**
 * The API record of a household just INSERTed from `write` (column defaults for the rest: status
 * 正常, no grade, row_version 1) — what repos/households getHousehold would read back, without the
 * read. Members are left empty: the change log carries them as their own entries.
 */
export function createdHouseholdRecord(write: HouseholdWrite, names: { villageName: string; groupName: string | null }, at: string, by: string | null): Household {
  return {
    id: write.id,
    householdNo: write.householdNo,
    villageId: write.villageId,
    villageName: names.villageName,
    groupId: write.groupId,
    groupName: names.groupName,
    headName: write.headName,
    headIdNumber: write.headIdNumber,
    phone: write.phone,
    householdType: write.householdType,
    status: 'normal',
    category: null,
    colour: null,
    memberCount: write.memberCount,
    address: write.address,
    updatedAt: at,
    flags: write.flags,
    farmlandMu: write.farmlandMu,
    forestMu: write.forestMu,
    grainForGreenMu: write.grainForGreenMu,
    housingAreaM2: write.housingAreaM2,
    dangerousHouseGrade: write.dangerousHouseGrade,
    riskTypes: [],
    monitoredSince: null,
    members: [],
    formerMembers: [],
    rowVersion: 1,
    updatedBy: by,
  };
}

export function toMemberWrite(id: string, householdId: string, m: NormalizedMember, joinedAt: string | null, today: string): MemberWrite {
  return {
    id,
    householdId,
    name: m.name,
    pinyin: m.pinyin,
    idType: m.idType ?? '居民身份证',
    idNumber: m.idNumber,
    relation: m.relation,
    isHead: m.isHead,
    sex: m.sex ?? null,
    birthDate: m.birthDate ?? null,
    ethnicity: m.ethnicity ?? null,
    politicalStatus: m.politicalStatus ?? null,
    education: m.education ?? null,
    schoolStage: m.schoolStage ?? null,
    schoolGrade: m.schoolGrade ?? null,
    // A grade entered now is confirmed for the current school year (it starts 1 September).
    schoolYearConfirmed: m.schoolYearConfirmed ?? (m.schoolStage ? String(schoolYearOf(today)) : null),
    outOfSchoolReason: m.outOfSchoolReason ?? null,
    health: m.health ?? null,
    disabilityGrade: m.disabilityGrade ?? null,
    disabilityCertNo: m.disabilityCertNo ?? null,
    labourSkill: m.labourSkill ?? null,
    workPlace: m.workPlace ?? null,
    workEmployer: m.workEmployer ?? null,
    workMonths: m.workMonths ?? null,
    publicWelfareJobMonths: m.publicWelfareJobMonths ?? null,
    insuredMedical: m.insuredMedical ?? false,
    insuredCritical: m.insuredCritical ?? false,
    insuredPension: m.insuredPension ?? false,
    dibao: m.dibao ?? false,
    tekun: m.tekun ?? false,
    phone: m.phone ?? '',
    joinedAt: m.joinedAt ?? joinedAt,
    sortOrder: m.sortOrder,
  };
}
