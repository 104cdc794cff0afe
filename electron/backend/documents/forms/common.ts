/** Pieces several forms share: section captions, sign-off lines, committee names, day counts. */
import type { FileChild, Paragraph, ParagraphChild } from 'docx';
import { formTable, para, PT, run, signRoleRuns, type SignRole } from '../layout';
import type { SignedPersonVM } from '../model-common';

/** 「一、家庭基本情况」: 黑体 caption above a table (公文 first-level heading face). */
export function sectionHeading(text: string, size: number = PT.小四): Paragraph {
  return para([run(text, { size, font: '黑体' })], { size, line: 0, before: 160, after: 80, keepNext: true, align: 'left' });
}

/** People who sign as one role (核实人 ×2, 核算人 …) become roles labelled only once. */
export function peopleRoles(label: string, people: readonly SignedPersonVM[], minimum: number): SignRole[] {
  const roles: SignRole[] = people.map((p, i) => ({ label: i === 0 ? label : '', name: p.姓名, signature: p }));
  for (let i = people.length; i < minimum; i++) roles.push({ label: i === 0 ? label : '' });
  return roles;
}

/**
 * A sign-off line outside the grid: 「入户核实人（签字）：____ ____　　户主签字（手印）：____」.
 * Unlabelled roles (continuations) print without 「：」.
 */
export function signOffLine(roles: readonly SignRole[], size: number = PT.小四): Paragraph {
  return para(signOffRuns(roles, size), { size, line: 0, before: 200, align: 'left' });
}

function signOffRuns(roles: readonly SignRole[], size: number): ParagraphChild[] {
  return roles.flatMap((r, i) => {
    const gap = i === 0 ? [] : [run(r.label ? '\u3000\u3000' : '\u3000', { size })];
    const parts = signRoleRuns(r, size);
    return [...gap, ...(r.label ? parts : parts.slice(1))];
  });
}

/**
 * Sign-off block below a grid as a borderless two-column table, so the left and right groups
 * line up row by row whatever the signatures' widths: rows of [left roles, right roles].
 */
export function signOffTable(
  rows: readonly (readonly [SignRole[], SignRole[]])[],
  width: number,
  size: number = PT.小四,
  columns: [number, number] = [62, 38],
): FileChild[] {
  const spacer = para('', { size, line: 0, after: 60 });
  const table = formTable({
    columns,
    width,
    size,
    borderless: true,
    keepTogether: true,
    rows: rows.map(([left, right]) => ({
      cells: [
        { runs: signOffRuns(left, size), align: 'left' },
        { runs: signOffRuns(right, size), align: 'left' },
      ],
      height: 560,
    })),
  });
  return [spacer, table];
}

/** Joins risks for text cells: 「因病、因学」. */
export const joinList = (items: readonly string[] | undefined): string => (items ?? []).join('、');

/** 「红星村」→「红星村民委员会」, 「东门社区」→「东门社区居民委员会」 (the addressee and seal of village forms). */
export function villageCommittee(village: string): string {
  if (village.endsWith('社区')) return `${village}居民委员会`;
  return village.endsWith('村') ? `${village}民委员会` : `${village}村民委员会`;
}

/** Inclusive day count of a posting period: 11-21 to 11-27 is 7 days. */
export function inclusiveDays(start: string, end: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(end) - t(start)) / 86_400_000) + 1;
}
