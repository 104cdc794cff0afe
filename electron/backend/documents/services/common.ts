/**
 * Shared steps of every documents handler: the mapping context for a caller, who may see IDs in
 * full, the scope check before anything is read, and storing + auditing a generated file.
 */
import { chinaDate } from '../../../../shared/domain/chinaTime';
import { DomainError, notFound, validationError } from '../../../../shared/domain/errors';
import type { HandlerContext } from '../../context';
import type { StoredFile } from '../../files';
import { getCase } from '../../repos/cases';
import { getHouseholdRow } from '../../repos/households';
import { getMeetingHeader } from '../../repos/meetings';
import { getNotice } from '../../repos/notices';
import type { FormTarget, MapContext } from '../mappers';
import { FORMS, type FormKey } from '../registry';
import { decideMasking } from '../../exports/registerExport';

export function mapContext(ctx: HandlerContext, masked: boolean): MapContext {
  return {
    db: ctx.db,
    profile: ctx.profile(),
    today: chinaDate(ctx.now()),
    userName: ctx.user().displayName,
    masked,
    readFile: (id) => {
      try {
        return ctx.services.files.read(id);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Internal forms print IDs and phones in full for users allowed to see them (pii.full); a clerk may
 * still ask for a masked copy. Public forms never carry them at all, so masking does not apply.
 */
export function internalMasking(ctx: HandlerContext, form: FormKey, requested: boolean | undefined): boolean {
  if (FORMS[form].isPublic) return false;
  if (requested === false && !ctx.can('pii.full')) throw new DomainError('permission', '您的账号不能查看完整证件号码和电话，只能生成遮挡后的文书。');
  return requested ?? !ctx.can('pii.full');
}

/**
 * Lists that leave the office (季度表, 台账): masked by default (privacy.maskOutgoingExports); an
 * unmasked copy needs pii.unmask and a stated purpose, and is audited as such by the caller.
 */
/** Outgoing lists mask by default; see decideMasking (one rule for every export). */
export const outgoingMasking = (ctx: HandlerContext, requested: boolean | undefined, purpose: string | undefined): boolean => decideMasking(ctx, { masked: requested, purpose });

/** Exactly one record names what to print. */
export function singleTarget(input: FormTarget): FormTarget {
  const given = (['householdId', 'caseId', 'meetingId', 'noticeId'] as const).filter((k) => input[k]);
  if (given.length !== 1) throw validationError([{ path: 'householdId', message: '请选择一户农户（或一个案件、一次会议、一次公示）再生成文书。' }]);
  return { [given[0]]: input[given[0]] };
}

/** The village of the picked record, checked against the caller's scope before anything is read. */
export function assertTargetInScope(ctx: HandlerContext, target: FormTarget): void {
  let villageId: string | undefined;
  if (target.householdId) villageId = getHouseholdRow(ctx.db, target.householdId)?.village_id as string | undefined;
  else if (target.caseId) villageId = getCase(ctx.db, target.caseId)?.villageId;
  else if (target.meetingId) villageId = getMeetingHeader(ctx.db, target.meetingId)?.villageId;
  else if (target.noticeId) villageId = getNotice(ctx.db, target.noticeId)?.villageId;
  if (!villageId) throw notFound(target.householdId ? '该农户' : target.caseId ? '该案件' : target.meetingId ? '该会议记录' : '该公示');
  ctx.assertVillageInScope(villageId);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Stores a generated file (kind 'generated', under its household) and writes the audit row. */
export function storeGenerated(
  ctx: HandlerContext,
  bytes: Uint8Array,
  meta: { name: string; householdId: string | null; action: string; summary: string; mime?: string },
): StoredFile {
  const user = ctx.user();
  const file = ctx.services.files.put(bytes, { originalName: meta.name, kind: 'generated', mime: meta.mime ?? (meta.name.endsWith('.docx') ? DOCX : undefined), householdId: meta.householdId, createdBy: user.username, at: ctx.nowIso() });
  ctx.tx(() => ctx.audit({ action: meta.action, entity: 'document', entityId: file.id, householdId: meta.householdId, summary: meta.summary }));
  return file;
}

/** 「信息采集表-青山村-王大山-2026-11-29.docx」 */
export const fileName = (base: string, ctx: HandlerContext, ext: string, masked = false): string => `${base}${masked ? '-遮挡' : ''}-${chinaDate(ctx.now())}.${ext}`;
