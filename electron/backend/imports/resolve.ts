import type { Division } from '../../../shared/api/methods/divisions';
import type { Household, HouseholdInput } from '../../../shared/api/schemas/household';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { findByName, groupKey, villageKey } from '../../../shared/domain/divisionNames';
import { DomainError, type FieldIssue } from '../../../shared/domain/errors';
import { normalizeHouseholdMembers } from '../../../shared/domain/household';
import type { HouseholdDraft, Locate } from '../../../shared/domain/rosterGroup';
import { mergeDraft, type Place } from '../../../shared/domain/rosterMerge';
import type { RowProblem } from '../../../shared/domain/rosterRows';
import type { HandlerContext } from '../context';
import { listDivisions } from '../repos/divisions';
import { getHousehold } from '../repos/households';
import { homesOfIdNumbers, householdsByNo, type PersonHome, type StagedHousehold } from '../repos/imports';
import { inChunks, type Job } from './jobs';

// Staged households against the database: which village and group each names, which stored household it
// updates (户编号, else its members' 证件号码), people already registered elsewhere, and the households.save
// input it becomes. Everything here reads; nothing is written until the commit.

export interface ResolveOptions {
  createDivisions: boolean;
  defaultVillageId?: string;
  defaultHouseholdType?: string;
}

export interface StagedData {
  input: HouseholdInput;
  rows: number[];
  /** Names of divisions the commit must create first (option 自动新建村组). */
  createVillage?: string;
  createGroup?: string;
  addedMembers: number;
  updatedMembers: number;
}

export interface ResolveCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
  membersCreated: number;
  membersUpdated: number;
}

const LOOKUP_BATCH = 2000;

interface Lookups {
  divisions: Division[];
  homes: Map<string, PersonHome>;
  byNo: Map<string, string>;
  today: string;
}

/** Resolves every draft; problems found are appended to `problems`. Households with errors are rejected. */
export async function resolveHouseholds(ctx: HandlerContext, job: Job, drafts: readonly HouseholdDraft[], rejected: ReadonlySet<string>, problems: RowProblem[], options: ResolveOptions, locate: Locate, onProgress: (fraction: number) => void): Promise<{ staged: StagedHousehold[]; counts: ResolveCounts }> {
  const live = drafts.filter((d) => !rejected.has(d.key));
  const ids = live.flatMap((d) => d.members.map((m) => m.values.idNumber)).filter((v): v is string => typeof v === 'string');
  const nos = live.map((d) => d.household.householdNo).filter((v): v is string => typeof v === 'string');
  const lookups: Lookups = { divisions: listDivisions(ctx.db), homes: new Map(), byNo: new Map(), today: chinaDate(ctx.now()) };
  // Batched look-ups, breathing between batches: 40,000 ID numbers are ~80 queries.
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    for (const [k, v] of homesOfIdNumbers(ctx.db, ids.slice(i, i + LOOKUP_BATCH))) lookups.homes.set(k, v);
    await job.breathe();
  }
  for (let i = 0; i < nos.length; i += LOOKUP_BATCH) {
    for (const [k, v] of householdsByNo(ctx.db, nos.slice(i, i + LOOKUP_BATCH))) lookups.byNo.set(k, v);
    await job.breathe();
  }
  const staged: StagedHousehold[] = [];
  const counts: ResolveCounts = { create: 0, update: 0, unchanged: 0, rejected: drafts.length - live.length, membersCreated: 0, membersUpdated: 0 };
  await inChunks(
    job,
    live,
    100,
    (draft, i) => {
      const found: RowProblem[] = [];
      const report = (row: number, field: string, message: string, severity: RowProblem['severity'] = 'error') => found.push({ row, ...locate(field), message, severity });
      const result = resolveOne(ctx, draft, lookups, options, report);
      problems.push(...found);
      if (!result || found.some((p) => p.severity === 'error')) {
        counts.rejected += 1;
        return;
      }
      const action = !result.existing ? 'create' : result.changed ? 'update' : 'unchanged';
      counts[action] += 1;
      // Only what the commit will write is staged.
      if (action === 'unchanged') return;
      counts.membersCreated += result.data.addedMembers;
      counts.membersUpdated += result.data.updatedMembers;
      staged.push({ seq: i + 1, action, householdId: result.existing?.id ?? null, firstRow: draft.rows[0], data: result.data });
    },
    (done) => onProgress(done / Math.max(1, live.length)),
  );
  return { staged, counts };
}

type Report = (row: number, field: string, message: string, severity?: RowProblem['severity']) => void;

function resolveOne(ctx: HandlerContext, draft: HouseholdDraft, lookups: Lookups, options: ResolveOptions, report: Report): { existing?: Household; changed: boolean; data: StagedData } | null {
  const first = draft.rows[0];
  const place = resolvePlace(ctx, draft, lookups.divisions, options, report);
  const existing = findStored(ctx, draft, lookups, report);
  if (place === undefined || existing === null) return null;
  if (!existing && !place) {
    report(first, 'villageName', '没有填写行政村，请填写，或在选项中选择全部农户所在的村。');
    return null;
  }
  const defaultType = options.defaultHouseholdType ?? null;
  const merged = mergeDraft(draft, existing, place?.place ?? null, defaultType);
  for (const note of merged.notes) report(note.row, 'idNumber', note.message, 'warning');
  if (!merged.input.householdType) {
    report(first, 'householdType', `户类型为空，请填写（${ctx.profile().enums.householdTypes.join('、')}），或在选项中选择默认户类型。`);
    return null;
  }
  // Nothing will be written for an unchanged household, so it needs no second check (saves the pinyin work).
  if (existing && !merged.changed) return { existing, changed: false, data: { input: merged.input, rows: draft.rows, addedMembers: 0, updatedMembers: 0 } };
  try {
    // Staged normalised (pinyin, 户主 flag, order): the commit's bulk create writes them as they are.
    merged.input.members = normalizeHouseholdMembers(merged.input, lookups.today) as HouseholdInput['members'];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const issues = ((e.details as { issues?: FieldIssue[] } | undefined)?.issues ?? []) as FieldIssue[];
    for (const issue of issues) {
      const index = /^members\.(\d+)/.exec(issue.path)?.[1];
      report((index !== undefined ? merged.memberRows[Number(index)] : null) ?? first, issue.path.endsWith('idNumber') ? 'idNumber' : 'relation', `${issue.message}（与已登记的本户成员合并后检查）`);
    }
    return null;
  }
  const data: StagedData = { input: merged.input, rows: draft.rows, createVillage: place?.createVillage, createGroup: place?.createGroup, addedMembers: merged.addedMembers, updatedMembers: merged.updatedMembers };
  return { existing, changed: merged.changed, data };
}

/** undefined = an error was reported; null = the file names no village (an update keeps the stored one). */
function resolvePlace(ctx: HandlerContext, draft: HouseholdDraft, divisions: readonly Division[], options: ResolveOptions, report: Report): { place: Place; createVillage?: string; createGroup?: string } | null | undefined {
  const row = draft.rows[0];
  const villageName = draft.household.villageName as string | undefined;
  const groupName = draft.household.groupName as string | undefined;
  const villages = divisions.filter((d) => d.level === 'village');
  let village: Division | undefined;
  if (villageName) {
    const hit = findByName(villages, villageName, villageKey);
    if (hit.ambiguous) return void report(row, 'villageName', `有多个行政村与“${villageName}”同名，请在文件中写出完整村名。`);
    village = hit.found;
    if (!village) {
      if (!options.createDivisions) return void report(row, 'villageName', `行政村“${villageName}”不存在。请先在“系统管理 → 单位与区划”中添加该村，或勾选“自动新建不存在的村组”。`);
      if (divisions.filter((d) => d.level === 'township').length !== 1) return void report(row, 'villageName', `行政村“${villageName}”不存在，且无法确定它属于哪个乡镇，请先在“单位与区划”中添加。`);
      return { place: { villageId: '', groupId: null }, createVillage: villageName, createGroup: groupName };
    }
  } else if (options.defaultVillageId) {
    village = divisions.find((d) => d.id === options.defaultVillageId && d.level === 'village');
  }
  if (!village) return null;
  if (!inScope(ctx, village.id)) return void report(row, 'villageName', `“${village.name}”不在您的管辖范围内，不能导入该村的农户。`);
  if (!groupName) return { place: { villageId: village.id, groupId: null } };
  const hit = findByName(divisions.filter((d) => d.level === 'group' && d.parentId === village.id), groupName, groupKey);
  if (hit.ambiguous) return void report(row, 'groupName', `“${village.name}”下有多个村民小组与“${groupName}”同名，请写出完整组名。`);
  if (hit.found) return { place: { villageId: village.id, groupId: hit.found.id } };
  if (!options.createDivisions) return void report(row, 'groupName', `“${village.name}”下没有村民小组“${groupName}”。请先在“单位与区划”中添加，或勾选“自动新建不存在的村组”。`);
  return { place: { villageId: village.id, groupId: null }, createGroup: groupName };
}

function inScope(ctx: HandlerContext, villageId: string): boolean {
  try {
    ctx.assertVillageInScope(villageId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The stored household this draft updates: by 户编号, else the household its members (the head first)
 * are registered in. A member registered in a different household is a duplicate → error on that row.
 * Returns undefined for a new household, null when an error was reported.
 */
function findStored(ctx: HandlerContext, draft: HouseholdDraft, lookups: Lookups, report: Report): Household | undefined | null {
  const no = draft.household.householdNo as string | undefined;
  const people = draft.members.map((m) => ({ row: m.row, home: typeof m.values.idNumber === 'string' ? lookups.homes.get(m.values.idNumber) : undefined, head: m.values.relation === '户主' }));
  let targetId = no ? lookups.byNo.get(no) : undefined;
  if (!targetId) {
    const candidate = (people.find((p) => p.head && p.home) ?? people.find((p) => p.home))?.home;
    // A person's household with another 户编号 is another household, not this one.
    if (candidate && !(no && candidate.householdNo && candidate.householdNo !== no)) targetId = candidate.householdId;
  }
  let ok = true;
  for (const p of people) {
    if (!p.home || p.home.householdId === targetId) continue;
    ok = false;
    report(p.row, 'idNumber', `证件号码已登记在“${p.home.villageName}”户主为“${p.home.headName}”的农户中（成员：${p.home.name}），同一人不能重复登记。如属迁入，请先在原户办理迁出。`);
  }
  if (!ok) return null;
  if (!targetId) return undefined;
  const stored = getHousehold(ctx.db, targetId);
  if (stored && !inScope(ctx, stored.villageId)) {
    report(draft.rows[0], 'villageName', `该户已登记在“${stored.villageName}”，不在您的管辖范围内。`);
    return null;
  }
  return stored;
}
