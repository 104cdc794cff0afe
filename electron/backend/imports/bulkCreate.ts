import type { HouseholdInput } from '../../../shared/api/schemas/household';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, validationError } from '../../../shared/domain/errors';
import { normalizeHouseholdMembers, type NormalizedMember } from '../../../shared/domain/household';
import type { HandlerContext } from '../context';
import { diffFields, type AuditInput } from '../journal';
import { getDivisionRef } from '../repos/divisions';
import { insertHousehold, type HouseholdWrite } from '../repos/households';
import { homesOfIdNumbers, householdsByNo } from '../repos/imports';
import { insertMember, type MemberWrite } from '../repos/members';
import { HOUSEHOLD_LABELS, MEMBER_LABELS, createdHouseholdRecord, householdWriteOf, toMemberWrite } from '../registers/householdRecords';

// The roster import's NEW households, written in bulk inside the commit's transaction. Rows, audit
// entries and change-log payloads are those households.save writes (shared builders in
// registers/householdRecords.ts); what differs is only how the checks are made: each duplicate check
// is ONE batched query for the whole file up front instead of one per person, division names come
// from a map, members arrive already normalised by the preview (pinyin is the costly part), and the
// record for the logs is built from what was written instead of read back. The rows are queued and
// written table by table (flush): the same rows in the same transaction, each statement in one hot
// loop over one set of b-trees (P1 profile: ~1.9 s of inserts interleaved per household, ~1.7 s so).

type DivisionRef = NonNullable<ReturnType<typeof getDivisionRef>>;
type ChangeEntry = [entity: 'household' | 'member', id: string, data: Record<string, unknown>];

export class HouseholdBulkCreator {
  private readonly divisions = new Map<string, DivisionRef | undefined>();
  private readonly today: string;
  private readonly by: string;
  /** One time for the whole import: its rows and their change-log records agree on updatedAt. */
  private readonly at: string;
  private readonly queued = { households: [] as HouseholdWrite[], members: [] as MemberWrite[], audits: [] as AuditInput[], changes: [] as ChangeEntry[] };

  /** Checks every ID number and 户编号 of `inputs` against the register as it is now (it may have changed since the preview). */
  constructor(
    private readonly ctx: HandlerContext,
    inputs: readonly HouseholdInput[],
  ) {
    this.today = chinaDate(ctx.now());
    this.by = ctx.user().username;
    this.at = ctx.nowIso();
    checkAgainstRegister(ctx, inputs);
  }

  /** Queues one new household with its members (written by flush); returns its id. */
  create(input: HouseholdInput): string {
    const { ctx, queued, at } = this;
    const names = this.placeOf(input);
    const members = preNormalized(input.members) ?? normalizeHouseholdMembers(input, this.today);
    const householdId = ctx.ids.newId();
    const write = householdWriteOf(householdId, input, members);
    queued.households.push(write);
    const record = createdHouseholdRecord(write, names, at, this.by);
    // The household's change entry first, so a replay of the county change log meets it before its members.
    queued.changes.push(['household', householdId, { ...record, members: undefined, formerMembers: undefined }]);
    for (const m of members) {
      const id = ctx.ids.newId();
      queued.members.push(toMemberWrite(id, householdId, m, null, this.today));
      queued.audits.push({ action: 'create', entity: 'member', entityId: id, householdId, summary: `新增成员「${m.name}」`, changes: diffFields(null, m, MEMBER_LABELS) });
      queued.changes.push(['member', id, { id, householdId, ...m }]);
    }
    queued.audits.push({
      action: 'create',
      entity: 'household',
      entityId: householdId,
      householdId,
      summary: `新建农户「${record.headName}」（${record.villageName}，${members.length} 人）`,
      changes: diffFields(null, record, HOUSEHOLD_LABELS),
    });
    return householdId;
  }

  /** Writes everything queued, one table at a time (households before the members that refer to them). */
  flush(onProgress: (fraction: number) => void = () => {}): void {
    const { ctx, queued, by, at } = this;
    for (const h of queued.households) insertHousehold(ctx.db, h, at, by);
    onProgress(0.2);
    for (const m of queued.members) insertMember(ctx.db, m, at, by);
    onProgress(0.5);
    for (const a of queued.audits) ctx.audit(a);
    onProgress(0.8);
    for (const [entity, id, data] of queued.changes) ctx.change(entity, id, 1, 'upsert', data);
    onProgress(1);
    queued.households = [];
    queued.members = [];
    queued.audits = [];
    queued.changes = [];
  }

  /** The same division checks as households.save, each division read once. */
  private placeOf(input: HouseholdInput): { villageName: string; groupName: string | null } {
    const village = this.division(input.villageId);
    if (!village || village.level !== 'village') throw validationError([{ path: 'villageId', message: '请选择农户所在的行政村。' }]);
    this.ctx.assertVillageInScope(village.id);
    if (!input.groupId) return { villageName: village.name, groupName: null };
    const group = this.division(input.groupId);
    if (!group || group.parentId !== village.id) throw validationError([{ path: 'groupId', message: `所选村民小组不属于「${village.name}」，请重新选择。` }]);
    return { villageName: village.name, groupName: group.name };
  }

  private division(id: string): DivisionRef | undefined {
    if (!this.divisions.has(id)) this.divisions.set(id, getDivisionRef(this.ctx.db, id));
    return this.divisions.get(id);
  }
}

/** Members the preview already normalised (resolve.ts stages them so), else null to normalise here. */
function preNormalized(members: HouseholdInput['members']): NormalizedMember[] | null {
  const ok = members.every((m) => {
    const n = m as Partial<NormalizedMember>;
    return typeof n.pinyin === 'string' && typeof n.isHead === 'boolean' && typeof n.sortOrder === 'number';
  });
  return ok ? (members as NormalizedMember[]) : null;
}

const SHOWN = 5;

/** One person, one current household; one 户编号, one household — against the register and within the file. */
function checkAgainstRegister(ctx: HandlerContext, inputs: readonly HouseholdInput[]): void {
  const people = inputs.flatMap((h) => h.members.filter((m) => m.idNumber).map((m) => ({ name: m.name, idNumber: m.idNumber! })));
  const homes = homesOfIdNumbers(ctx.db, people.map((p) => p.idNumber));
  const seen = new Set<string>();
  const taken = people.flatMap((p) => {
    const home = homes.get(p.idNumber);
    if (home) return [`${p.name}（${p.idNumber}）已登记在「${home.villageName}」户主为「${home.headName}」的农户中`];
    if (seen.has(p.idNumber)) return [`${p.name}（${p.idNumber}）在本次导入中出现了两次`];
    seen.add(p.idNumber);
    return [];
  });
  if (taken.length) {
    const more = taken.length > SHOWN ? `等 ${taken.length} 人` : '';
    throw conflict(`${taken.slice(0, SHOWN).join('；')}${more}，同一人不能重复登记。`);
  }
  const numbers = inputs.map((h) => h.householdNo?.trim()).filter((n): n is string => Boolean(n));
  const used = householdsByNo(ctx.db, numbers);
  const once = new Set<string>();
  const dup = numbers.find((n) => used.has(n) || once.size === once.add(n).size);
  if (dup) throw conflict(`户编号「${dup}」已被另一户使用，请核对。`);
}
