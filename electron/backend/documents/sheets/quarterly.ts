/**
 * exports.quarterly — 季度风险评估表 (seed: 每季度 5 号前上报《防返贫致贫监测对象风险评估表》). One row
 * per household graded (研判: assessment, visit re-grade, elimination …) in the quarter: where it is,
 * who, ID (TEXT, masked by default), 人口, 类别, 风险类型, 人均纯收入, 三保障+饮水, its colour at the end
 * of this quarter and of the last (grade history), delivered measures, paired cadres, and what
 * changed. Merged county/township title, two-row grouped header, frozen panes, a totals row.
 */
import { previousQuarter, quarterBounds, quarterlyDueDate } from '../../../../shared/api/methods/documents';
import { isDelivered, type MeasureStatus } from '../../../../shared/domain/assistanceTerms';
import { chinaDate } from '../../../../shared/domain/chinaTime';
import { maskIdNumber } from '../../../../shared/domain/idCard';
import { ASSESSMENT_CHECK_LABELS, ASSESSMENT_CHECKS } from '../../../../shared/domain/profileConditions';
import type { HandlerContext } from '../../context';
import { workbookBuffer, writeTitleAndHeader } from '../../exports/xlsxWriter';
import { villagePlace } from '../../repos/documentsRead';
import { assessmentItemsOn, cadreNamesIn, gradesUpTo, householdsGradedIn, measureLinesOf, perCapitaOn, type GradeRow, type ReportHousehold } from '../../repos/documentsReports';
import { outgoingMasking } from '../services/common';
import { exportLine, storeSheet, writeRow, writeRows, yuan, type SheetColumn } from './common';

export interface QuarterlyInput {
  year: number;
  quarter: number;
  villageId?: string;
  masked?: boolean;
  purpose?: string;
}

interface Row {
  h: ReportHousehold;
  perCapitaFen: number | null;
  security: string;
  colour: string | null;
  lastColour: string | null;
  measures: string;
  cadres: string;
  change: string;
}

interface Totals {
  households: number;
  people: number;
  colours: string;
  lastColours: string;
}

/** The grade in force on `date`: the latest on or before it (grades oldest first). */
function colourAt(grades: readonly GradeRow[], date: string): GradeRow | undefined {
  for (let i = grades.length - 1; i >= 0; i--) if (grades[i].date <= date) return grades[i];
  return undefined;
}

function securityText(items: Record<string, { pass: boolean; note: string }> | undefined): string {
  if (!items) return '未评估';
  const failed = ASSESSMENT_CHECKS.filter((k) => items[k] && !items[k].pass).map((k) => `${ASSESSMENT_CHECK_LABELS[k]}未达标${items[k].note ? `（${items[k].note}）` : ''}`);
  return failed.length > 0 ? failed.join('；') : '均达标';
}

/** `now` is the latest grade up to the quarter's end, so it is also the quarter's last grade when dated from `from` on. */
function changeText(colourLabel: (c: string | null) => string, now: GradeRow | undefined, last: GradeRow | undefined, from: string): string {
  if (!last) return `本季度首次评级：${now?.reason ?? ''}`;
  if (!now || now.colour === last.colour) return now && now.date >= from ? `等级无变化（${now.reason}）` : '等级无变化';
  return `由${colourLabel(last.colour)}转为${colourLabel(now.colour)}：${now.reason}`;
}

function buildRows(ctx: HandlerContext, households: ReportHousehold[], from: string, to: string, lastTo: string): Row[] {
  const ids = households.map((h) => h.id);
  const grades = gradesUpTo(ctx.db, ids, to);
  const income = perCapitaOn(ctx.db, ids, to);
  const security = assessmentItemsOn(ctx.db, ids, to);
  const cadres = cadreNamesIn(ctx.db, ids, to, to);
  const categories = new Map(ctx.profile().enums.measureCategories.map((c) => [c.key, c.label]));
  const measures = new Map<string, string[]>();
  for (const m of measureLinesOf(ctx.db, ids)) {
    if (!isDelivered(m.status as MeasureStatus) || (m.actualStart && m.actualStart > to)) continue;
    const line = `${categories.get(m.category) ?? m.category}：${m.item ?? m.content}`;
    const list = measures.get(m.householdId);
    if (list) list.push(line);
    else measures.set(m.householdId, [line]);
  }
  const labels = ctx.profile().grading.colourLabels as Record<string, string>;
  const colourLabel = (c: string | null) => (c ? (labels[c] ?? c) : '');
  return households.map((h) => {
    const history = grades.get(h.id) ?? [];
    const now = colourAt(history, to);
    const last = colourAt(history, lastTo);
    return {
      h,
      perCapitaFen: income.get(h.id) ?? null,
      security: securityText(security.get(h.id)),
      colour: now?.colour ?? null,
      lastColour: last?.colour ?? null,
      measures: (measures.get(h.id) ?? []).join('；'),
      cadres: (cadres.get(h.id) ?? []).join('、'),
      change: changeText(colourLabel, now, last, from),
    };
  });
}

function columns(ctx: HandlerContext, masked: boolean, totals: Totals): SheetColumn<Row | null>[] {
  const labels = ctx.profile().grading.colourLabels as Record<string, string>;
  // 「红色（高风险）」 → 「红色」, once per colour rather than once per cell
  const short = new Map(Object.entries(labels).map(([k, v]) => [k, v.replace(/（.*）$/, '')]));
  const label = (c: string | null) => (c ? (short.get(c) ?? c.replace(/（.*）$/, '')) : '');
  const p = ctx.profile().privacy;
  const id = (v: string | null) => (!v ? '' : masked ? maskIdNumber(v, p.idMaskPattern) : v);
  return [
    { title: '序号', width: 6, value: (r, i) => (r ? i + 1 : '合计') },
    { group: '基本情况', title: '村组', width: 14, value: (r) => (r ? `${r.h.villageName}${r.h.groupName ?? ''}` : `共 ${totals.households} 户`) },
    { group: '基本情况', title: '户主姓名', width: 10, value: (r) => r?.h.headName ?? '' },
    { group: '基本情况', title: '证件号码', width: 22, text: true, value: (r) => (r ? id(r.h.headIdNumber) : '') },
    { group: '基本情况', title: '家庭人口', width: 8, value: (r) => (r ? r.h.memberCount : totals.people) },
    { group: '基本情况', title: '类别', width: 14, value: (r) => (r ? (r.h.category ?? r.h.householdType) : '') },
    { group: '风险研判', title: '风险类型', width: 16, value: (r) => r?.h.riskTypes.join('、') ?? '' },
    { group: '风险研判', title: '人均纯收入（元）', width: 14, money: true, value: (r) => yuan(r?.perCapitaFen) },
    { group: '风险研判', title: '“三保障”和饮水安全', width: 24, value: (r) => r?.security ?? '' },
    { group: '风险研判', title: '本季度风险等级', width: 10, colour: (r) => r?.colour ?? null, value: (r) => (r ? label(r.colour) : totals.colours) },
    { group: '风险研判', title: '上季度风险等级', width: 10, colour: (r) => r?.lastColour ?? null, value: (r) => (r ? label(r.lastColour) || '未评级' : totals.lastColours) },
    { group: '帮扶情况', title: '帮扶措施', width: 30, value: (r) => r?.measures ?? '' },
    { group: '帮扶情况', title: '结对帮扶干部', width: 12, value: (r) => r?.cadres ?? '' },
    { title: '变化情况说明', width: 34, value: (r) => r?.change ?? '' },
  ];
}

/** 「红2户 橙1户 黄0户 蓝1户」 */
function colourCounts(ctx: HandlerContext, colours: (string | null)[]): string {
  const labels = ctx.profile().grading.colourLabels as Record<string, string>;
  return (['red', 'orange', 'yellow', 'blue'] as const).map((c) => `${(labels[c] ?? c).slice(0, 1)}${colours.filter((x) => x === c).length}户`).join(' ');
}

export async function exportQuarterly(ctx: HandlerContext, input: QuarterlyInput) {
  const masked = outgoingMasking(ctx, input.masked, input.purpose);
  if (input.villageId) ctx.assertVillageInScope(input.villageId);
  const { from, to } = quarterBounds(input.year, input.quarter);
  const prev = previousQuarter(input.year, input.quarter);
  const households = householdsGradedIn(ctx.db, ctx.user().scope, input.villageId, from, to);
  const rows = buildRows(ctx, households, from, to, quarterBounds(prev.year, prev.quarter).to);
  const totals: Totals = {
    households: rows.length,
    people: rows.reduce((s, r) => s + r.h.memberCount, 0),
    colours: colourCounts(ctx, rows.map((r) => r.colour)),
    lastColours: colourCounts(ctx, rows.map((r) => r.lastColour)),
  };
  const cols = columns(ctx, masked, totals);
  const office = ctx.profile().office;
  const place = input.villageId ? villagePlace(ctx.db, input.villageId) : undefined;
  const township = office.township || place?.township || '';
  const dueDate = quarterlyDueDate(input.year, input.quarter, ctx.profile().assistance.quarterlyReportDueDay);
  const what = `${input.year}年第${input.quarter}季度防返贫致贫监测对象风险评估表`;
  const subtitle = [`填报单位：${township}${place ? place.village : ''}`, `统计期间：${from} 至 ${to}`, `报送截止：${dueDate}`, `填报日期：${chinaDate(ctx.now())}`, exportLine(ctx, masked, input.purpose)].join('　');
  const bytes = await workbookBuffer(async (wb) => {
    const sheet = wb.addWorksheet(`${input.year}年第${input.quarter}季度`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
    writeTitleAndHeader(sheet, `${office.county}${township}${what}`, subtitle, cols);
    await writeRows(sheet, rows, cols);
    writeRow(sheet, 5 + rows.length, null, rows.length, cols, true);
    sheet.commit();
  });
  const name = `${what}${place ? `-${place.village}` : ''}${masked ? '' : '-完整'}-${chinaDate(ctx.now())}.xlsx`;
  const file = storeSheet(ctx, bytes, name, what, rows.length, masked, input.purpose);
  return { ...file, rows: rows.length, masked, dueDate };
}
