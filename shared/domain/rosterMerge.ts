// An imported household laid over what is stored: the result is the input households.save takes.
// Rules: a blank cell never erases a stored value; members are matched by 证件号码 (else by name);
// members missing from the file are kept (people leave through household events, not imports);
// a person recorded as having left is not re-added. `changed` is false when nothing would differ,
// so importing the same file twice writes nothing the second time.
import type { Household, HouseholdInput, Member, MemberInput } from '../api/schemas/household';
import type { HouseholdDraft, MemberDraft } from './rosterGroup';
import type { RosterValues } from './rosterRows';

export interface Place {
  villageId: string;
  groupId: string | null;
}

export interface MergeResult {
  input: HouseholdInput;
  changed: boolean;
  addedMembers: number;
  updatedMembers: number;
  /** Notes for the report (row, message), e.g. a person who already left the household. */
  notes: { row: number; message: string }[];
  /** For each entry of input.members, the file row it came from (null: a stored member not in the file). */
  memberRows: (number | null)[];
}

// draft value key → HouseholdInput key
const HOUSEHOLD_KEYS: [string, keyof HouseholdInput][] = [
  ['householdNo', 'householdNo'],
  ['address', 'address'],
  ['householdPhone', 'phone'],
  ['householdType', 'householdType'],
  ['farmlandMu', 'farmlandMu'],
  ['forestMu', 'forestMu'],
  ['grainForGreenMu', 'grainForGreenMu'],
  ['housingAreaM2', 'housingAreaM2'],
  ['dangerousHouseGrade', 'dangerousHouseGrade'],
];

const MEMBER_FIELDS = [
  'name', 'idType', 'idNumber', 'relation', 'sex', 'birthDate', 'ethnicity', 'politicalStatus', 'education', 'schoolStage', 'schoolGrade',
  'schoolYearConfirmed', 'outOfSchoolReason', 'health', 'disabilityGrade', 'disabilityCertNo', 'labourSkill', 'workPlace', 'workEmployer',
  'workMonths', 'publicWelfareJobMonths', 'insuredMedical', 'insuredCritical', 'insuredPension', 'dibao', 'tekun', 'phone', 'joinedAt',
] as const satisfies readonly (keyof MemberInput)[];

const draftKeyOf = (field: string): string => (field === 'phone' ? 'memberPhone' : field);

/** A stored member as the editable input shape (what the household form would send back unchanged). */
export function memberToInput(m: Member): MemberInput {
  const out: Record<string, unknown> = { id: m.id };
  for (const f of MEMBER_FIELDS) {
    const v = (m as Record<string, unknown>)[f];
    if (f === 'idNumber' || f === 'phone') out[f] = (v as string | null) ?? '';
    else out[f] = v ?? null;
  }
  return out as MemberInput;
}

export function householdToInput(h: Household): HouseholdInput {
  return {
    id: h.id,
    rowVersion: h.rowVersion,
    householdNo: h.householdNo ?? '',
    villageId: h.villageId,
    groupId: h.groupId,
    address: h.address,
    phone: h.phone,
    householdType: h.householdType,
    flags: h.flags,
    farmlandMu: h.farmlandMu,
    forestMu: h.forestMu,
    grainForGreenMu: h.grainForGreenMu,
    housingAreaM2: h.housingAreaM2,
    dangerousHouseGrade: h.dangerousHouseGrade as HouseholdInput['dangerousHouseGrade'],
    members: h.members.map(memberToInput),
  };
}

function applyMember(base: MemberInput, values: RosterValues): MemberInput {
  const out: Record<string, unknown> = { ...base };
  for (const f of MEMBER_FIELDS) {
    const v = values[draftKeyOf(f)];
    if (v !== undefined) out[f] = v;
  }
  return out as MemberInput;
}

function newMember(values: RosterValues): MemberInput {
  const blank: MemberInput = { name: '', relation: '', idNumber: '', phone: '', insuredMedical: false, insuredCritical: false, insuredPension: false, dibao: false, tekun: false };
  return applyMember(blank, values);
}

function findMember(existing: readonly Member[], d: MemberDraft): Member | undefined {
  const id = d.values.idNumber;
  if (typeof id === 'string' && id) return existing.find((m) => m.idNumber === id);
  const sameName = existing.filter((m) => m.name === d.values.name);
  return sameName.length === 1 ? sameName[0] : undefined;
}

/** Builds households.save input from a draft and the stored household it matched (if any). */
export function mergeDraft(draft: HouseholdDraft, existing: Household | undefined, place: Place | null, defaultHouseholdType: string | null): MergeResult {
  const base: HouseholdInput = existing
    ? householdToInput(existing)
    : { villageId: place?.villageId ?? '', groupId: place?.groupId ?? null, householdType: defaultHouseholdType ?? '', flags: [], members: [] };
  const input: HouseholdInput = { ...base };
  const writable = input as Record<string, unknown>;
  for (const [from, to] of HOUSEHOLD_KEYS) if (draft.household[from] !== undefined) writable[to] = draft.household[from];
  if (place) {
    input.villageId = place.villageId;
    // A file naming only the village keeps a stored group of that same village.
    input.groupId = draft.household.groupName !== undefined || !existing || existing.villageId !== place.villageId ? place.groupId : existing.groupId;
  }
  const notes: MergeResult['notes'] = [];
  const current = existing?.members ?? [];
  const byId = new Map<string, MemberInput>(base.members.map((m) => [m.id!, m]));
  const rowOfStored = new Map<string, number>();
  const added: MemberInput[] = [];
  const addedRows: number[] = [];
  let updatedMembers = 0;
  for (const d of draft.members) {
    const former = typeof d.values.idNumber === 'string' && existing?.formerMembers.find((m) => m.idNumber === d.values.idNumber);
    if (former) {
      notes.push({ row: d.row, message: `${former.name}已于 ${former.leftAt} ${former.leftReason ?? '离开本户'}，本行未导入。如信息有误，请在农户档案中处理。` });
      continue;
    }
    const match = findMember(current, d);
    if (!match) {
      added.push(newMember(d.values));
      addedRows.push(d.row);
      continue;
    }
    rowOfStored.set(match.id, d.row);
    const merged = applyMember(byId.get(match.id)!, d.values);
    if (!sameValues(merged, byId.get(match.id)!)) updatedMembers += 1;
    byId.set(match.id, merged);
  }
  input.members = [...base.members.map((m) => byId.get(m.id!)!), ...added];
  const changed = !existing || added.length > 0 || updatedMembers > 0 || !sameValues(stripMembers(input), stripMembers(base));
  const memberRows = [...base.members.map((m) => rowOfStored.get(m.id!) ?? null), ...addedRows];
  return { input, changed, addedMembers: added.length, updatedMembers, notes, memberRows };
}

const stripMembers = (h: HouseholdInput): Record<string, unknown> => ({ ...h, members: undefined });

/** Field-by-field equality with null ≡ undefined ≡ '' (a stored NULL and a blank input mean the same). */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
