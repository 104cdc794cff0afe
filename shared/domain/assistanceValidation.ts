// Field checks of 帮扶措施 and 走访 records that need the 地方口径 profile or today's date — the
// schema checks shapes, these check meaning. Every message names the field and says what to do.
import type { FieldIssue } from './errors';
import { compareDates, isCalendarDate } from './deadlines';
import type { MeasureStatus } from './assistanceTerms';
import type { Profile } from './profile';

type DateField = { path: string; label: string; value: string | null | undefined };

/** Real calendar dates, none after today (a planned date may lie in the future). */
function checkDates(fields: DateField[], today: string, futureAllowed: Set<string>): FieldIssue[] {
  return fields.flatMap((f): FieldIssue[] => {
    if (!f.value) return [];
    if (!isCalendarDate(f.value)) return [{ path: f.path, message: `「${f.label}」${f.value} 不是有效日期，请重新选择。` }];
    if (!futureAllowed.has(f.path) && compareDates(f.value, today) > 0) return [{ path: f.path, message: `「${f.label}」不能晚于今天（${today}），请核对。` }];
    return [];
  });
}

function checkOrder(start: DateField, end: DateField): FieldIssue[] {
  if (!start.value || !end.value || !isCalendarDate(start.value) || !isCalendarDate(end.value)) return [];
  return compareDates(end.value, start.value) < 0 ? [{ path: end.path, message: `「${end.label}」不能早于「${start.label}」，请核对。` }] : [];
}

export interface MeasureFields {
  category: string;
  item?: string | null;
  priority?: string | null;
  status: MeasureStatus;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
}

/** Category, sub-item and 八个优先 from the profile; the dates a status needs, in order. */
export function validateMeasure(m: MeasureFields, profile: Pick<Profile, 'enums'>, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const category = profile.enums.measureCategories.find((c) => c.key === m.category);
  if (!category) issues.push({ path: 'category', message: `「帮扶措施类别」“${m.category}”不在地方口径的类别中，请重新选择。` });
  else if (m.item && !category.items.includes(m.item)) issues.push({ path: 'item', message: `「措施子项」“${m.item}”不属于“${category.label}”，请从列表中选择。` });
  if (m.priority && !profile.enums.priorityMeasures.includes(m.priority)) issues.push({ path: 'priority', message: `「八个优先」“${m.priority}”不在地方口径的列表中，请重新选择。` });
  if (m.status !== 'planned' && !m.actualStart) issues.push({ path: 'actualStart', message: '措施已实施，请填写「实际开始日期」。' });
  if (m.status === 'ended' && !m.actualEnd) issues.push({ path: 'actualEnd', message: '措施已结束，请填写「实际结束日期」。' });
  if (m.status === 'planned' && m.actualEnd) issues.push({ path: 'status', message: '已填写「实际结束日期」，「状态」应为“已结束”。' });
  const f = (path: keyof MeasureFields, label: string): DateField => ({ path, label, value: m[path] as string | null | undefined });
  const dates = [f('plannedStart', '计划开始日期'), f('plannedEnd', '计划结束日期'), f('actualStart', '实际开始日期'), f('actualEnd', '实际结束日期')];
  issues.push(...checkDates(dates, today, new Set(['plannedStart', 'plannedEnd'])));
  issues.push(...checkOrder(dates[0], dates[1]), ...checkOrder(dates[2], dates[3]));
  return issues;
}

export interface FollowupFields {
  visitDate: string;
  newRisks?: string[];
}

/** The visit date is real and not in the future; new risks are the profile's 风险类型. */
export function validateFollowup(v: FollowupFields, profile: Pick<Profile, 'enums'>, today: string): FieldIssue[] {
  const issues = checkDates([{ path: 'visitDate', label: '走访日期', value: v.visitDate }], today, new Set());
  const known = new Set(profile.enums.riskTypes.map((r) => r.label));
  (v.newRisks ?? []).forEach((r, i) => {
    if (!known.has(r)) issues.push({ path: `newRisks.${i}`, message: `「新发现风险」“${r}”不在地方口径的风险类型中，请从列表中选择。` });
  });
  return issues;
}

/** A pairing period: real dates, end not before start. */
export function validatePeriod(startDate: string, endDate: string | null | undefined): FieldIssue[] {
  const start = { path: 'startDate', label: '结对开始日期', value: startDate };
  const end = { path: 'endDate', label: '结对结束日期', value: endDate };
  const issues = [start, end].flatMap((f) => (f.value && !isCalendarDate(f.value) ? [{ path: f.path, message: `「${f.label}」${f.value} 不是有效日期，请重新选择。` }] : []));
  return issues.length ? issues : checkOrder(start, end);
}
