import type { HouseholdEvent } from '../../../shared/api/methods/householdEvents';
import { EVENT_KIND_LABELS, type EventKind } from '../../../shared/domain/householdEvents';
import type { Db } from '../db/connection';

/** What an event changed, kept so it can be shown and (for simple kinds) undone. */
export interface EventDetails {
  headChange?: { fromId: string; toId: string | null };
  relationChanges?: { memberId: string; name: string; old: string; new: string }[];
  statusBefore?: string;
  cancelled?: boolean;
  origin?: string;
  destination?: string;
  /** 分户/合户: person rows closed in one household → rows created in the other. */
  memberMap?: { fromId: string; toId: string; name: string }[];
}

export interface EventWrite {
  id: string;
  householdId: string;
  kind: EventKind;
  date: string;
  relatedHouseholdId: string | null;
  members: { id: string; name: string }[];
  summary: string;
  note: string;
  details: EventDetails;
}

export interface StoredEvent extends EventWrite {
  rowVersion: number;
  revokedAt: string | null;
  createdAt: string;
  recordedBy: string | null;
}

export function insertEvent(db: Db, e: EventWrite, at: string, by: string | null): void {
  db.prepare(
    `INSERT INTO household_events (id, household_id, kind, event_date, related_household_id, member_ids, member_names, summary, note, details, recorded_by, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.householdId,
    e.kind,
    e.date,
    e.relatedHouseholdId,
    JSON.stringify(e.members.map((m) => m.id)),
    JSON.stringify(e.members.map((m) => m.name)),
    e.summary,
    e.note,
    JSON.stringify(e.details),
    by,
    at,
    at,
    by,
  );
}

export function markRevoked(db: Db, id: string, reason: string, at: string, by: string | null): void {
  db.prepare(`UPDATE household_events SET revoked_at = ?, revoked_reason = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    at,
    reason,
    at,
    by,
    id,
  );
}

function toStored(r: Record<string, unknown>): StoredEvent {
  const ids = JSON.parse(r.member_ids as string) as string[];
  const names = JSON.parse(r.member_names as string) as string[];
  return {
    id: r.id as string,
    householdId: r.household_id as string,
    kind: r.kind as EventKind,
    date: r.event_date as string,
    relatedHouseholdId: (r.related_household_id as string | null) ?? null,
    members: ids.map((id, i) => ({ id, name: names[i] ?? '' })),
    summary: r.summary as string,
    note: r.note as string,
    details: JSON.parse(r.details as string) as EventDetails,
    rowVersion: r.row_version as number,
    revokedAt: (r.revoked_at as string | null) ?? null,
    createdAt: r.created_at as string,
    recordedBy: (r.recorded_by as string | null) ?? null,
  };
}

export function getEvent(db: Db, id: string): StoredEvent | undefined {
  const r = db.prepare(`SELECT * FROM household_events WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toStored(r) : undefined;
}

/** The household's most recent event that is still in force (by date, then by when it was recorded). */
export function latestActiveEvent(db: Db, householdId: string): StoredEvent | undefined {
  const r = db
    .prepare(
      `SELECT * FROM household_events WHERE (household_id = ? OR related_household_id = ?) AND deleted_at IS NULL AND revoked_at IS NULL
       ORDER BY event_date DESC, created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(householdId, householdId) as Record<string, unknown> | undefined;
  return r ? toStored(r) : undefined;
}

/** Events of a household, including those recorded on another household that name it (分户/合户); newest first. */
export function listEvents(db: Db, householdId: string): HouseholdEvent[] {
  const rows = db
    .prepare(
      `SELECT e.*, r.head_name AS related_head_name, r2.head_name AS own_head_name
       FROM household_events e
       LEFT JOIN households r ON r.id = e.related_household_id
       LEFT JOIN households r2 ON r2.id = e.household_id
       WHERE (e.household_id = ? OR e.related_household_id = ?) AND e.deleted_at IS NULL
       ORDER BY e.event_date DESC, e.created_at DESC, e.rowid DESC`,
    )
    .all(householdId, householdId) as Record<string, unknown>[];
  return rows.map((r) => {
    const e = toStored(r);
    const viaRelated = e.householdId !== householdId;
    return {
      id: e.id,
      householdId: e.householdId,
      kind: e.kind,
      kindLabel: EVENT_KIND_LABELS[e.kind],
      date: e.date,
      // Seen from the related household, "the other household" is the one the event was recorded on.
      relatedHouseholdId: viaRelated ? e.householdId : e.relatedHouseholdId,
      relatedHeadName: ((viaRelated ? r.own_head_name : r.related_head_name) as string | null) ?? null,
      members: e.members,
      summary: e.summary,
      note: e.note,
      recordedBy: e.recordedBy,
      recordedAt: e.createdAt,
      revokedAt: e.revokedAt,
      revokedReason: (r.revoked_reason as string | null) ?? null,
      viaRelated,
    };
  });
}
