// Rows → households. A national export has one row per person with the household's columns repeated;
// a local list may have one row per household (户主 only). Rows join a household by 户编号, else by
// 户主证件号码, else by position (a 户主 row starts a household, the rows below it without a key belong to it).
import { ROSTER_FIELD_BY_KEY } from './rosterColumns';
import type { RosterRow, RosterValues, RowProblem } from './rosterRows';

export const HOUSEHOLD_FIELDS = ['householdNo', 'villageName', 'groupName', 'address', 'householdPhone', 'householdType', 'farmlandMu', 'forestMu', 'grainForGreenMu', 'housingAreaM2', 'dangerousHouseGrade'] as const;

export interface MemberDraft {
  row: number;
  values: RosterValues;
}

export interface HouseholdDraft {
  /** Grouping key: no:<户编号> | head:<户主证件号码> | seq:<n> */
  key: string;
  rows: number[];
  household: RosterValues;
  members: MemberDraft[];
}

/** Where a field sits in the file, for the report: column letter and header text. */
export type Locate = (field: string) => { column: string; header: string };
const defaultLocate: Locate = (field) => ({ column: '', header: ROSTER_FIELD_BY_KEY.get(field)?.label ?? '' });

const MAX_MEMBERS = 30;
// Fields whose disagreement between two rows of one household is an error (the rest: first value wins).
const MUST_AGREE = new Set(['villageName', 'groupName', 'householdType']);

/** Groups rows; reports in-file duplicate ID numbers, households without exactly one 户主, and disagreeing rows. */
export function groupHouseholds(rows: readonly RosterRow[], memberRows: boolean, locate: Locate = defaultLocate): { households: HouseholdDraft[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const byKey = new Map<string, HouseholdDraft>();
  const order: HouseholdDraft[] = [];
  let current: HouseholdDraft | null = null;
  let seq = 0;
  const problem = (row: number, field: string, message: string, severity: RowProblem['severity'] = 'error') => problems.push({ row, ...locate(field), message, severity });

  for (const r of rows) {
    const member = memberRows ? memberValues(r.values) : headAsMember(r.values);
    const explicitKey = keyOf(r.values);
    let draft: HouseholdDraft | undefined;
    if (explicitKey) draft = byKey.get(explicitKey);
    // No key and not a head: the row continues the household above it (also how vertically merged
    // 户编号/户主 cells read, since only the top cell of a merge holds the value).
    else if (member.relation !== '户主' && current) draft = current;
    if (!draft) {
      if (!explicitKey && member.relation !== '户主') {
        problem(r.row, 'relation', '此行找不到所属的户：它上面没有“户主”行，也没有户编号或户主证件号码。请把户主行放在本户成员之前，或填写户编号。');
        continue;
      }
      seq += 1;
      draft = { key: explicitKey ?? `seq:${seq}`, rows: [], household: {}, members: [] };
      byKey.set(draft.key, draft);
      order.push(draft);
    }
    current = draft;
    draft.rows.push(r.row);
    mergeHouseholdValues(draft, r, problem);
    draft.members.push({ row: r.row, values: member });
  }
  for (const h of order) checkHousehold(h, problem);
  checkDuplicateIds(order, problem);
  return { households: order, problems };
}

function keyOf(v: RosterValues): string | null {
  if (typeof v.householdNo === 'string' && v.householdNo) return `no:${v.householdNo}`;
  if (typeof v.headIdNumber === 'string' && v.headIdNumber) return `head:${v.headIdNumber}`;
  return null;
}

const MEMBER_KEYS = new Set(['name', 'idType', 'idNumber', 'relation', 'sex', 'birthDate', 'ethnicity', 'politicalStatus', 'education', 'schoolStage', 'schoolGrade', 'outOfSchoolReason', 'health', 'disabilityGrade', 'disabilityCertNo', 'labourSkill', 'workPlace', 'workEmployer', 'workMonths', 'publicWelfareJobMonths', 'insuredMedical', 'insuredCritical', 'insuredPension', 'dibao', 'tekun', 'memberPhone', 'joinedAt']);

function memberValues(v: RosterValues): RosterValues {
  const out: RosterValues = {};
  for (const [k, val] of Object.entries(v)) if (MEMBER_KEYS.has(k)) out[k] = val;
  // A row whose ID equals the 户主证件号码 column is the head even when 与户主关系 is blank.
  if (out.relation === undefined && typeof v.headIdNumber === 'string' && v.headIdNumber === out.idNumber) out.relation = '户主';
  return out;
}

/** One row per household: the head's columns make the only member. */
function headAsMember(v: RosterValues): RosterValues {
  const out = memberValues(v);
  if (v.headName !== undefined) out.name = v.headName;
  if (v.headIdNumber !== undefined) out.idNumber = v.headIdNumber;
  out.relation = '户主';
  return out;
}

function mergeHouseholdValues(draft: HouseholdDraft, r: RosterRow, problem: (row: number, field: string, message: string) => void): void {
  for (const field of HOUSEHOLD_FIELDS) {
    const v = r.values[field];
    if (v === undefined) continue;
    const before = draft.household[field];
    if (before === undefined) draft.household[field] = v;
    else if (before !== v && MUST_AGREE.has(field)) {
      const label = ROSTER_FIELD_BY_KEY.get(field)!.label;
      problem(r.row, field, `同一户的${label}不一致：本行为“${v}”，第 ${draft.rows[0]} 行为“${before}”，请统一。`);
    }
  }
}

function checkHousehold(h: HouseholdDraft, problem: (row: number, field: string, message: string) => void): void {
  const heads = h.members.filter((m) => m.values.relation === '户主');
  if (heads.length === 0) problem(h.rows[0], 'relation', `从第 ${h.rows[0]} 行开始的这一户没有“户主”，请在“与户主关系”中标明户主。`);
  for (const extra of heads.slice(1)) problem(extra.row, 'relation', `同一户有多位“户主”（另见第 ${heads[0].row} 行），一户只能有一位户主。`);
  if (h.members.length > MAX_MEMBERS) problem(h.rows[MAX_MEMBERS], 'name', `一户最多 ${MAX_MEMBERS} 人，此户有 ${h.members.length} 行，请核对是否把几户排在了一起。`);
  for (const m of h.members) if (m.values.name === undefined) problem(m.row, 'name', '姓名为空，请填写。');
}

/** The same person twice in the file: the second and later rows are errors pointing at the first. */
function checkDuplicateIds(households: readonly HouseholdDraft[], problem: (row: number, field: string, message: string) => void): void {
  const first = new Map<string, number>();
  for (const h of households) {
    for (const m of h.members) {
      const id = m.values.idNumber;
      if (typeof id !== 'string' || !id) continue;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, m.row);
      else problem(m.row, 'idNumber', `证件号码与第 ${seen} 行重复，同一人只能登记一次，请删除重复行。`);
    }
  }
}

/** Households with an error on any of their rows are not imported (a half household would be wrong). */
export function rejectedKeys(households: readonly HouseholdDraft[], problems: readonly RowProblem[]): Set<string> {
  const errorRows = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
  return new Set(households.filter((h) => h.rows.some((r) => errorRows.has(r))).map((h) => h.key));
}
