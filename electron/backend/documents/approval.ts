/**
 * THE approval block (forms.md §1 and §8.5): opinion text, (盖章), 经办人/负责人, 年 月 日.
 * Every form builds its opinion cells, seals and sign-offs with this one function, so a change of
 * house style happens in one place.
 */
import type { Paragraph, ParagraphChild } from 'docx';
import type { ApprovalVM } from './model';
import type { IsoDate, SignatureVM } from './model-common';
import { isSigned, signatureRuns } from './signature';
import { fillIn, formatChineseDate, para, PT, run, yesNo } from './text';

export interface SignRole {
  label: string;
  name?: string;
  signature?: SignatureVM;
}

export interface ApprovalBlockSpec {
  /** opinion text; empty leaves `blankLines` of space for a pen */
  opinion?: string;
  blankLines?: number;
  /** show the 「□同意 □不同意」 boxes, ticked from `value` */
  consent?: { value: boolean | null | undefined; labels?: readonly [string, string] };
  /** unit whose seal goes here: 「红星村民委员会（盖章）」; empty prints just 「（盖章）」 */
  sealOf?: string;
  /** no seal line at all (e.g. a household's own signature block) */
  noSeal?: boolean;
  /** signing roles; default 经办人 and 负责人 */
  roles?: SignRole[];
  date?: IsoDate;
  /** a written reply number, printed under the opinion */
  docNumber?: string;
  /** one role per line (narrow cells: two levels side by side) */
  stackRoles?: boolean;
  size?: number;
}

const DEFAULT_ROLES: SignRole[] = [{ label: '经办人' }, { label: '负责人' }];

/** One role: its label, then the signature image / 纸质签字 / typed name, or a blank for a pen. */
export function signRoleRuns(role: SignRole, size: number): ParagraphChild[] {
  const label = run(`${role.label}：`, { size });
  if (isSigned(role.signature)) {
    const name = role.name && !role.signature?.签名图片 ? [run(`${role.name} `, { size })] : [];
    return [label, ...name, ...signatureRuns(role.signature, { size, altName: role.name })];
  }
  return [label, fillIn(role.name, 5, { size })];
}

export function approvalBlock(spec: ApprovalBlockSpec): Paragraph[] {
  const size = spec.size ?? PT.四号;
  // keep-with-next on every line but the date: a block never splits across pages
  const style = { size, line: 0, keepNext: true };
  const out: Paragraph[] = [];
  if (spec.consent) out.push(para(yesNo(spec.consent.value, spec.consent.labels ?? ['同意', '不同意']), style));
  if (spec.opinion) {
    for (const line of spec.opinion.split('\n')) out.push(para(line, { ...style, indent: true }));
  } else {
    for (let i = 0; i < (spec.blankLines ?? 2); i++) out.push(para('', style));
  }
  if (spec.docNumber) out.push(para(`文号：${spec.docNumber}`, style));
  if (!spec.noSeal) out.push(para(`${spec.sealOf ?? ''}（盖章）`, { ...style, align: 'right', before: 120 }));
  const roles = spec.roles ?? DEFAULT_ROLES;
  if (spec.stackRoles) {
    for (const r of roles) out.push(para(signRoleRuns(r, size), { ...style, align: 'right', before: 120 }));
  } else if (roles.length > 0) {
    const runs = roles.flatMap((r, i) => [...(i > 0 ? [run('\u3000\u3000', { size })] : []), ...signRoleRuns(r, size)]);
    out.push(para(runs, { ...style, align: 'right', before: 120 }));
  }
  out.push(para(formatChineseDate(spec.date), { ...style, keepNext: false, align: 'right', before: 120 }));
  return out;
}

/** Options of a level's block besides its data. */
export interface LevelBlockOptions {
  /** print the 「□同意 □不同意」 boxes (ticked from `同意`) */
  withConsent?: boolean;
  consentLabels?: readonly [string, string];
  sealOf?: string;
  blankLines?: number;
  stackRoles?: boolean;
  size?: number;
}

/** The block for one level's ApprovalVM (村/乡镇/县), with the level's own seal and tick boxes. */
export function approvalFromVM(vm: ApprovalVM | undefined, opts: LevelBlockOptions = {}): Paragraph[] {
  return approvalBlock({
    opinion: vm?.意见,
    consent: opts.withConsent ? { value: vm?.同意, labels: opts.consentLabels } : undefined,
    roles: [
      { label: '经办人', name: vm?.经办人, signature: vm?.经办人签字 },
      { label: '负责人', name: vm?.负责人, signature: vm?.负责人签字 },
    ],
    date: vm?.日期,
    docNumber: vm?.文号,
    sealOf: opts.sealOf,
    blankLines: opts.blankLines,
    stackRoles: opts.stackRoles,
    size: opts.size,
  });
}
