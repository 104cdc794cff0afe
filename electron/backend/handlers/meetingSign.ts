import type { z } from 'zod';
import type { meetingsMethods } from '../../../shared/api/methods/meetings';
import type { MeetingDetail } from '../../../shared/api/methods/meetings';
import { validationError } from '../../../shared/domain/errors';
import { addSignature, isLocked, signAddendum, type Meeting, type Signature } from '../../../shared/domain/meeting';
import type { HandlerContext } from '../context';
import * as repo from '../repos/meetings';
import { assertFile } from './leads';
import { loadMeetingInScope, meetingHash, recordMeeting } from './meetingStore';

// Signing minutes (or an addendum): a pad PNG is decoded, bounded and checked for the PNG signature
// before it is stored as files.kind 'signature'; 纸质签字 points at the uploaded scan of the signed page.
// The signature that completes the list locks the minutes and stores their sha256.

type SignInput = z.output<(typeof meetingsMethods)['meetings.sign']['input']>;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A pad signature is a few KB to tens of KB; anything larger is not a signature. */
export const MAX_SIGNATURE_BYTES = 300 * 1024;

/** Decodes and checks a pad PNG: base64, size bound, PNG signature and an IHDR chunk first. */
export function decodeSignaturePng(base64: string): Buffer {
  const clean = base64.replace(/^data:image\/png;base64,/, '');
  const refuse = (message: string) => validationError([{ path: 'signature.pngBase64', message }]);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw refuse('签字图片数据无效，请清除后重新签字。');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) throw refuse(`签字图片过大（${Math.ceil(bytes.length / 1024)} KB），不能超过 ${MAX_SIGNATURE_BYTES / 1024} KB，请清除后重新签字。`);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw refuse('签字图片不是 PNG 格式，请在签字板上重新签字。');
  }
  return bytes;
}

function signatureFor(input: SignInput, fileRef: string, at: string): Signature {
  return input.signature.kind === 'pad'
    ? { attendeeId: input.attendeeId, kind: 'pad', imageRef: fileRef, signedAt: at }
    : { attendeeId: input.attendeeId, kind: 'paper', scanRef: fileRef, recordedAt: at };
}

const apply = (meeting: Meeting, input: SignInput, sig: Signature): Meeting =>
  input.addendumId ? signAddendum(meeting, input.addendumId, sig) : addSignature(meeting, sig);

export function signMeeting(ctx: HandlerContext, input: SignInput): MeetingDetail {
  const { meeting, header } = loadMeetingInScope(ctx, input.meetingId);
  const at = ctx.nowIso();
  const by = ctx.user().username;
  // Check with the domain before storing any bytes, so a refused signature leaves no file behind.
  apply(meeting, input, signatureFor(input, 'pending', at));
  let fileId: string;
  if (input.signature.kind === 'pad') {
    const name = meeting.attendees.find((a) => a.id === input.attendeeId)?.name ?? '参会人员';
    const bytes = decodeSignaturePng(input.signature.pngBase64);
    fileId = ctx.services.files.put(bytes, { originalName: `签字-${name}.png`, kind: 'signature', mime: 'image/png', createdBy: by, at }).id;
  } else {
    assertFile(ctx, input.signature.scanToken);
    fileId = input.signature.scanToken;
  }
  const next = apply(meeting, input, signatureFor(input, fileId, at));
  repo.insertSignature(ctx.db, { id: ctx.ids.newId(), meetingId: meeting.id, addendumId: input.addendumId ?? null, attendeeId: input.attendeeId, kind: input.signature.kind, fileId, signedAt: at, by });
  const lockNow = !input.addendumId && !isLocked(meeting) && isLocked(next);
  const lock = lockNow ? { lockedAt: at, lockHash: meetingHash(next, header.minutesText) } : undefined;
  repo.touchMeeting(ctx.db, meeting.id, at, by, lock);
  const who = meeting.attendees.find((a) => a.id === input.attendeeId)?.name ?? '';
  const how = input.signature.kind === 'pad' ? '签字板签字' : '纸质签字';
  const where = input.addendumId ? '补充说明' : '会议记录';
  const locked = lock ? `；全部参会人员已签字，会议记录锁定（校验码 ${lock.lockHash.slice(0, 16)}…）` : '';
  return recordMeeting(ctx, meeting.id, 'update', `「${who}」在${header.date}${where}上${how}${locked}`);
}
