import type { ExportView } from '../../../shared/api/methods/exports';
import { maskIdNumber, maskPhone } from '../../../shared/domain/idCard';
import type { Profile } from '../../../shared/domain/profile';
import type { HouseholdExportRow, MemberExportRow } from '../repos/exports';
import type { HeaderColumn } from './xlsxWriter';

// What each register export shows. Header names follow the national export wording, so an unmasked
// member export can be imported again by the roster import (same names, same grouping).

export interface ExportColumn<R> extends HeaderColumn {
  value: (row: R, fmt: Formatters) => string | number | null;
}

export interface Formatters {
  id: (v: string | null) => string;
  phone: (v: string | null) => string;
  status: (v: string) => string;
  colour: (v: string | null) => string;
}

export function formatters(profile: Profile, masked: boolean): Formatters {
  const statuses = profile.enums.householdStatusLabels as Record<string, string>;
  const colours = profile.grading.colourLabels as Record<string, string>;
  return {
    id: (v) => (!v ? '' : masked ? maskIdNumber(v, profile.privacy.idMaskPattern) : v),
    phone: (v) => (!v ? '' : masked ? maskPhone(v, profile.privacy.phoneMask) : v),
    status: (v) => statuses[v] ?? v,
    colour: (v) => (v ? (colours[v] ?? v) : ''),
  };
}

const HOUSEHOLD_COLUMNS: ExportColumn<HouseholdExportRow>[] = [
  { title: '户编号', width: 20, text: true, value: (r) => r.householdNo ?? '' },
  { group: '所在地', title: '行政村', width: 12, value: (r) => r.villageName },
  { group: '所在地', title: '村民小组', width: 10, value: (r) => r.groupName ?? '' },
  { group: '户主', title: '姓名', width: 10, value: (r) => r.headName },
  { group: '户主', title: '证件号码', width: 22, text: true, value: (r, f) => f.id(r.headIdNumber) },
  { title: '联系电话', width: 14, text: true, value: (r, f) => f.phone(r.phone) },
  { title: '户类型', width: 10, value: (r) => r.householdType },
  { title: '家庭人口数', width: 8, value: (r) => r.memberCount },
  { group: '监测信息', title: '状态', width: 10, value: (r, f) => f.status(r.status) },
  { group: '监测信息', title: '监测对象类别', width: 14, value: (r) => r.category ?? '' },
  { group: '监测信息', title: '风险等级', width: 8, value: (r, f) => f.colour(r.colour) },
  { title: '家庭住址', width: 30, value: (r) => r.address },
];

const MONITORED_EXTRA: ExportColumn<HouseholdExportRow>[] = [
  { group: '监测信息', title: '风险类型', width: 20, value: (r) => (JSON.parse(r.riskTypes || '[]') as string[]).join('、') },
  { group: '监测信息', title: '纳入监测日期', width: 12, text: true, value: (r) => r.monitoredSince ?? '' },
];

const MEMBER_COLUMNS: ExportColumn<MemberExportRow>[] = [
  { title: '户编号', width: 20, text: true, value: (r) => r.householdNo ?? '' },
  { group: '所在地', title: '行政村', width: 12, value: (r) => r.villageName },
  { group: '所在地', title: '村民小组', width: 10, value: (r) => r.groupName ?? '' },
  { title: '户主姓名', width: 10, value: (r) => r.headName },
  { group: '家庭成员', title: '姓名', width: 10, value: (r) => r.name },
  { group: '家庭成员', title: '证件号码', width: 22, text: true, value: (r, f) => f.id(r.idNumber) },
  { group: '家庭成员', title: '与户主关系', width: 10, value: (r) => r.relation },
  { group: '家庭成员', title: '性别', width: 6, value: (r) => r.sex ?? '' },
  { group: '家庭成员', title: '出生日期', width: 12, text: true, value: (r) => r.birthDate ?? '' },
  { title: '民族', width: 8, value: (r) => r.ethnicity ?? '' },
  { title: '文化程度', width: 10, value: (r) => r.education ?? '' },
  { title: '在校生情况', width: 14, value: (r) => (r.schoolStage ? `${r.schoolStage}${r.schoolGrade ? `${r.schoolGrade}年级` : ''}` : '') },
  { title: '健康状况', width: 10, value: (r) => r.health ?? '' },
  { title: '劳动技能', width: 14, value: (r) => r.labourSkill ?? '' },
  { group: '务工情况', title: '务工地点', width: 16, value: (r) => r.workPlace ?? '' },
  { group: '务工情况', title: '务工时间（月）', width: 10, value: (r) => r.workMonths },
  { title: '成员联系电话', width: 14, text: true, value: (r, f) => f.phone(r.phone) },
];

export function columnsFor(view: ExportView): ExportColumn<HouseholdExportRow>[] | ExportColumn<MemberExportRow>[] {
  if (view === 'members') return MEMBER_COLUMNS;
  return view === 'monitored' ? [...HOUSEHOLD_COLUMNS, ...MONITORED_EXTRA] : HOUSEHOLD_COLUMNS;
}
