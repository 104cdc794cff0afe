/**
 * What every mapper reads through: the database (via repos only — no SQL here), the 地方口径
 * profile, today's China date, who prints, and whether internal forms mask IDs and phones.
 */
import { maskIdNumber, maskPhone } from '../../../../shared/domain/idCard';
import type { Profile } from '../../../../shared/domain/profile';
import type { Db } from '../../db/connection';
import type { OfficeVM, SignatureVM } from '../model';
import { villagePlace } from '../../repos/documentsRead';

export interface MapContext {
  db: Db;
  profile: Profile;
  /** China date 'YYYY-MM-DD' of the injected clock */
  today: string;
  /** display name of the clerk printing (填表人) */
  userName: string;
  /** internal forms (采集表, 审批表, 授权书): mask IDs and phones (a list leaving the office) */
  masked: boolean;
  /** bytes of a stored file (signature PNGs); undefined when missing */
  readFile: (fileId: string) => Uint8Array | undefined;
}

export const idText = (ctx: MapContext, id: string | null | undefined): string =>
  !id ? '' : ctx.masked ? maskIdNumber(id, ctx.profile.privacy.idMaskPattern) : id;

export const phoneText = (ctx: MapContext, phone: string | null | undefined): string | undefined =>
  !phone ? undefined : ctx.masked ? maskPhone(phone, ctx.profile.privacy.phoneMask) : phone;

/** 县/乡镇 from the office settings (the township falls back to the village's parent division), 村 from the village. */
export function officeFor(ctx: MapContext, villageId: string): OfficeVM {
  const place = villagePlace(ctx.db, villageId);
  const o = ctx.profile.office;
  return {
    ...(o.province ? { 省: o.province } : {}),
    ...(o.city ? { 市: o.city } : {}),
    县: o.county,
    乡镇: o.township || place.township,
    村: place.village,
  };
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

/** A pad signature stored as a file: its PNG, or an empty box when the file is gone or not a PNG. */
export function padSignature(ctx: MapContext, fileId: string | undefined | null): SignatureVM {
  if (!fileId) return {};
  const bytes = ctx.readFile(fileId);
  if (!bytes || !PNG_MAGIC.every((b, i) => bytes[i] === b)) return {};
  return { 签名图片: bytes };
}

/** A household mark (householdMarkSchema): pad → the PNG, paper → 「纸质签字」, none → an empty box. */
export function markSignature(ctx: MapContext, mark: { medium: 'pad' | 'paper'; imageRef?: string } | undefined): SignatureVM {
  if (!mark) return {};
  if (mark.medium === 'pad') return padSignature(ctx, mark.imageRef);
  return { 纸质签字: true };
}

/** 'YYYY-MM-DD' → 'YYYY-MM'; undefined stays undefined. */
export const monthOf = (date: string | null | undefined): string | undefined => (date ? date.slice(0, 7) : undefined);
