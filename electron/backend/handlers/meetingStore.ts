import { createHash } from 'node:crypto';
import type { MeetingDetail } from '../../../shared/api/methods/meetings';
import { notFound } from '../../../shared/domain/errors';
import { canonicalMeetingContent, isLocked, type Meeting } from '../../../shared/domain/meeting';
import type { HandlerContext } from '../context';
import { getCase } from '../repos/cases';
import { loadMeeting, type MeetingHeader, type StoredItem } from '../repos/meetings';

// Reading minutes back, their hash, and the audit/change-log entry every meeting write makes.

/**
 * sha256 of the canonical minutes (shared/domain/meeting.ts canonicalMeetingContent), with the free
 * 会议内容 text inside the hashed object so it is covered by the lock too.
 */
export function meetingHash(meeting: Meeting, minutesText: string): string {
  const withText: Meeting & { minutesText: string } = { ...meeting, minutesText };
  return createHash('sha256').update(canonicalMeetingContent(withText), 'utf8').digest('hex');
}

export interface LoadedMeeting {
  header: MeetingHeader;
  meeting: Meeting;
  items: StoredItem[];
}

export function loadMeetingInScope(ctx: HandlerContext, id: string): LoadedMeeting {
  const loaded = loadMeeting(ctx.db, id);
  if (!loaded) throw notFound('该评议会议');
  ctx.assertVillageInScope(loaded.header.villageId);
  return loaded;
}

export function meetingDetail(ctx: HandlerContext, id: string): MeetingDetail {
  const { header, meeting, items } = loadMeetingInScope(ctx, id);
  const itemCases = items.map((i) => {
    const c = getCase(ctx.db, i.caseId);
    return { itemId: i.id, caseId: i.caseId, householdId: i.householdId, caseOutcome: c?.outcome ?? 'unknown', currentStep: c?.currentStep ?? null };
  });
  return {
    id: header.id,
    villageId: header.villageId,
    meeting,
    minutesText: header.minutesText,
    locked: isLocked(meeting),
    lockedAt: header.lockedAt,
    lockHash: header.lockHash,
    currentHash: meetingHash(meeting, header.minutesText),
    itemCases,
    rowVersion: header.rowVersion,
    updatedAt: header.updatedAt,
  };
}

/** Audit + change log of a meeting write; the snapshot is the whole minutes (parts travel inside). */
export function recordMeeting(ctx: HandlerContext, id: string, action: 'create' | 'update', summary: string): MeetingDetail {
  const d = meetingDetail(ctx, id);
  ctx.audit({ action, entity: 'meeting', entityId: id, summary });
  ctx.change('meeting', id, d.rowVersion, 'upsert', { villageId: d.villageId, minutesText: d.minutesText, lockedAt: d.lockedAt, lockHash: d.lockHash, meeting: d.meeting });
  return d;
}
