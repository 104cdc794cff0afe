/**
 * exports.ledger — 台账 as .xlsx: 监测对象台账 (forms.md §7.2 columns), 预警台账, 帮扶措施台账, 走访台账.
 * IDs and phones are TEXT cells, masked unless exported in full (pii.unmask, audited); every text cell
 * is neutralised against formula injection (xlsxWriter.safeValue → cellText.neutraliseFormula).
 *
 * 预警台账: the 部门预警 module has not landed yet, so the sheet is produced from leads whose channel
 * belongs to the profile's 'department' group (部门预警); the sheet and the result say so.
 */
import { LEDGER_LABELS, type LedgerKind } from '../../../../shared/api/methods/documents';
import { isDelivered, MEASURE_STATUS_LABELS, SATISFACTION_LABELS, VISIT_METHOD_LABELS, type MeasureStatus, type Satisfaction, type VisitMethod } from '../../../../shared/domain/assistanceTerms';
import { chinaDate, chinaDateTime } from '../../../../shared/domain/chinaTime';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/idCard';
import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../../shared/domain/workflow/lead';
import type { HandlerContext } from '../../context';
import { workbookBuffer, writeTitleAndHeader } from '../../exports/xlsxWriter';
import { measuresOf } from '../../repos/documentsRead';
import { cadreContactsOn, eliminationsOf, leadsOfChannels, measureLedgerRows, monitoredObjects, perCapitaOn, visitLedgerRows, type ReportHousehold } from '../../repos/documentsReports';
import { outgoingMasking } from '../services/common';
import { exportLine, placeTitle, storeSheet, writeRows, yuan, type SheetColumn } from './common';

export interface LedgerInput {
  kind: LedgerKind;
  villageId?: string;
  masked?: boolean;
  purpose?: string;
}

interface Fmt {
  id: (v: string | null | undefined) => string;
  phone: (v: string | null | undefined) => string;
}

export const WARNINGS_NOTE = '预警模块尚未上线，本表暂按线索来源为“部门预警”的线索生成。';

type Built = { columns: SheetColumn<never>[]; rows: unknown[]; note?: string };

const list = (v: unknown): string[] => JSON.parse((v as string) || '[]') as string[];
const s = (v: unknown): string => (v as string | null) ?? '';

function monitoredLedger(ctx: HandlerContext, fmt: Fmt, villageId?: string): Built {
  const households = monitoredObjects(ctx.db, ctx.user().scope, villageId);
  const ids = households.map((h) => h.id);
  const today = chinaDate(ctx.now());
  const income = perCapitaOn(ctx.db, ids, today);
  const contacts = cadreContactsOn(ctx.db, ids, today);
  const eliminated = eliminationsOf(ctx.db, ids);
  const cats = ctx.profile().enums.measureCategories;
  const measures = new Map<string, { category: string; text: string }[]>();
  for (const m of measuresOf(ctx.db, ids)) {
    if (isDelivered(m.status as MeasureStatus)) measures.set(m.householdId, [...(measures.get(m.householdId) ?? []), { category: m.category, text: m.item ?? m.content }]);
  }
  const textOf = (h: ReportHousehold, keys: (k: string) => boolean) => (measures.get(h.id) ?? []).filter((m) => keys(m.category)).map((m) => m.text).join('；');
  const development = new Set(cats.filter((c) => c.kind === 'development').map((c) => c.key));
  const township = ctx.profile().office.township;
  const columns: SheetColumn<ReportHousehold>[] = [
    { title: '序号', width: 6, value: (_, i) => i + 1 },
    { group: '所在地', title: '乡（镇）', width: 10, value: () => township },
    { group: '所在地', title: '村', width: 10, value: (h) => h.villageName },
    { group: '所在地', title: '组', width: 8, value: (h) => h.groupName ?? '' },
    { title: '户编号', width: 20, text: true, value: (h) => h.householdNo ?? '' },
    { group: '户主', title: '姓名', width: 10, value: (h) => h.headName },
    { group: '户主', title: '证件号码', width: 22, text: true, value: (h) => fmt.id(h.headIdNumber) },
    { title: '家庭人口数', width: 8, value: (h) => h.memberCount },
    { title: '户类型', width: 10, value: (h) => h.householdType },
    { title: '监测对象类别', width: 14, value: (h) => h.category ?? '' },
    { title: '致贫/返贫风险', width: 16, value: (h) => h.riskTypes.join('、') },
    { title: '识别监测时间', width: 12, text: true, value: (h) => h.monitoredSince ?? '' },
    { title: '人均纯收入（元）', width: 12, money: true, value: (h) => yuan(income.get(h.id)) },
    { group: '帮扶措施', title: '实施开发式帮扶措施情况', width: 12, value: (h) => ((measures.get(h.id) ?? []).some((m) => development.has(m.category)) ? '已实施' : '尚未实施') },
    { group: '帮扶措施', title: '产业帮扶', width: 18, value: (h) => textOf(h, (k) => k === 'industry') },
    { group: '帮扶措施', title: '就业帮扶', width: 18, value: (h) => textOf(h, (k) => k === 'employment') },
    { group: '帮扶措施', title: '其他主要措施', width: 24, value: (h) => textOf(h, (k) => k !== 'industry' && k !== 'employment') },
    { group: '帮扶联系人', title: '姓名', width: 10, value: (h) => (contacts.get(h.id) ?? []).map((c) => c.name).join('、') },
    { group: '帮扶联系人', title: '联系电话', width: 14, text: true, value: (h) => (contacts.get(h.id) ?? []).map((c) => fmt.phone(c.phone)).join('、') },
    { group: '风险消除', title: '风险是否已消除', width: 8, value: (h) => (h.status === 'eliminated' ? '是' : '否') },
    { group: '风险消除', title: '风险消除方式', width: 10, value: (h) => (h.status === 'eliminated' ? (eliminated.get(h.id)?.mode ?? '') : '') },
    { group: '风险消除', title: '消除监测时间', width: 12, text: true, value: (h) => (h.status === 'eliminated' ? (eliminated.get(h.id)?.closedOn ?? '') : '') },
    { title: '整户无劳动能力兜底保障户', width: 10, value: (h) => (h.flags.includes('noLabourCapacity') ? '是' : '否') },
    { title: '备注', width: 16, value: () => '' },
  ];
  return { columns: columns as SheetColumn<never>[], rows: households };
}

function warningsLedger(ctx: HandlerContext, fmt: Fmt, villageId?: string): Built {
  const channels = ctx.profile().enums.leadChannels;
  const keys = channels.filter((c) => c.group === 'department').map((c) => c.key);
  const rows = leadsOfChannels(ctx.db, ctx.user().scope, villageId, keys);
  const columns: SheetColumn<(typeof rows)[number]>[] = [
    { title: '序号', width: 6, value: (_, i) => i + 1 },
    { group: '所在地', title: '村', width: 10, value: (r) => r.villageName },
    { group: '所在地', title: '组', width: 8, value: (r) => r.groupName ?? '' },
    { group: '户主', title: '姓名', width: 10, value: (r) => r.headName },
    { group: '户主', title: '证件号码', width: 22, text: true, value: (r) => fmt.id(r.headIdNumber) },
    { title: '预警来源', width: 12, value: (r) => channels.find((c) => c.key === r.channel)?.label ?? r.channel },
    { title: '推送单位/人', width: 14, value: (r) => r.reporter },
    { title: '接收时间', width: 17, text: true, value: (r) => chinaDateTime(r.receivedAt) },
    { title: '预警内容', width: 34, value: (r) => r.summary },
    { group: '核实', title: '核实时限', width: 17, text: true, value: (r) => chinaDateTime(r.contactDueAt) },
    { group: '核实', title: '核实时间', width: 17, text: true, value: (r) => (r.contactedAt ? chinaDateTime(r.contactedAt) : '') },
    { title: '处理状态', width: 14, value: (r) => LEAD_STATUS_LABELS[r.status as LeadStatus] ?? r.status },
    { title: '转入识别纳入', width: 8, value: (r) => (r.caseId ? '是' : '否') },
  ];
  return { columns: columns as SheetColumn<never>[], rows, note: WARNINGS_NOTE };
}

function measuresLedger(ctx: HandlerContext, fmt: Fmt, villageId?: string): Built {
  const rows = measureLedgerRows(ctx.db, ctx.user().scope, villageId);
  const cats = new Map(ctx.profile().enums.measureCategories.map((c) => [c.key, c.label]));
  const columns: SheetColumn<(typeof rows)[number]>[] = [
    { title: '序号', width: 6, value: (_, i) => i + 1 },
    { group: '所在地', title: '村', width: 10, value: (r) => r.villageName },
    { group: '所在地', title: '组', width: 8, value: (r) => r.groupName ?? '' },
    { group: '户主', title: '姓名', width: 10, value: (r) => r.headName },
    { group: '户主', title: '证件号码', width: 22, text: true, value: (r) => fmt.id(r.headIdNumber) },
    { group: '帮扶措施', title: '帮扶类别', width: 12, value: (r) => cats.get(s(r.category)) ?? s(r.category) },
    { group: '帮扶措施', title: '措施子项', width: 16, value: (r) => s(r.item) },
    { group: '帮扶措施', title: '措施内容', width: 30, value: (r) => s(r.content) },
    { title: '八个优先', width: 16, value: (r) => s(r.priority) },
    { group: '责任', title: '责任单位', width: 14, value: (r) => s(r.responsible_unit) },
    { group: '责任', title: '责任人', width: 10, value: (r) => s(r.responsible_person) },
    { group: '计划时间', title: '开始', width: 11, text: true, value: (r) => s(r.planned_start) },
    { group: '计划时间', title: '结束', width: 11, text: true, value: (r) => s(r.planned_end) },
    { group: '实际时间', title: '开始', width: 11, text: true, value: (r) => s(r.actual_start) },
    { group: '实际时间', title: '结束', width: 11, text: true, value: (r) => s(r.actual_end) },
    { title: '金额（元）', width: 11, money: true, value: (r) => yuan(r.amount_fen as number | null) },
    { title: '状态', width: 8, value: (r) => MEASURE_STATUS_LABELS[r.status as MeasureStatus] ?? s(r.status) },
    { title: '帮扶成效', width: 24, value: (r) => s(r.effect) },
  ];
  return { columns: columns as SheetColumn<never>[], rows };
}

function visitsLedger(ctx: HandlerContext, _fmt: Fmt, villageId?: string): Built {
  const rows = visitLedgerRows(ctx.db, ctx.user().scope, villageId);
  const labels = ctx.profile().grading.colourLabels as Record<string, string>;
  const colour = (v: unknown) => (v ? (labels[v as string] ?? s(v)) : '');
  const columns: SheetColumn<(typeof rows)[number]>[] = [
    { title: '序号', width: 6, value: (_, i) => i + 1 },
    { group: '所在地', title: '村', width: 10, value: (r) => r.villageName },
    { group: '所在地', title: '组', width: 8, value: (r) => r.groupName ?? '' },
    { title: '户主姓名', width: 10, value: (r) => r.headName },
    { group: '走访', title: '日期', width: 11, text: true, value: (r) => s(r.visit_date) },
    { group: '走访', title: '走访人', width: 16, value: (r) => list(r.visitors).join('、') },
    { group: '走访', title: '方式', width: 8, value: (r) => VISIT_METHOD_LABELS[r.method as VisitMethod] ?? s(r.method) },
    { title: '发现情况', width: 34, value: (r) => s(r.findings) },
    { title: '收入变化', width: 18, value: (r) => s(r.income_change) },
    { title: '新增风险', width: 14, value: (r) => list(r.new_risks).join('、') },
    { title: '满意度', width: 10, value: (r) => (r.satisfaction ? (SATISFACTION_LABELS[r.satisfaction as Satisfaction] ?? s(r.satisfaction)) : '') },
    { group: '风险等级', title: '走访前', width: 10, colour: (r) => (r.colour_before as string | null) ?? null, value: (r) => colour(r.colour_before) },
    { group: '风险等级', title: '走访后', width: 10, colour: (r) => (r.colour_after as string | null) ?? null, value: (r) => colour(r.colour_after) },
  ];
  return { columns: columns as SheetColumn<never>[], rows };
}

const BUILDERS: Record<LedgerKind, (ctx: HandlerContext, fmt: Fmt, villageId?: string) => Built> = {
  monitored: monitoredLedger,
  warnings: warningsLedger,
  measures: measuresLedger,
  visits: visitsLedger,
};

export async function exportLedger(ctx: HandlerContext, input: LedgerInput) {
  const masked = outgoingMasking(ctx, input.masked, input.purpose);
  if (input.villageId) ctx.assertVillageInScope(input.villageId);
  const p = ctx.profile().privacy;
  const fmt: Fmt = {
    id: (v) => (!v ? '' : masked ? maskIdNumber(v, p.idMaskPattern) : v),
    phone: (v) => (!v ? '' : masked ? maskPhone(v, p.phoneMask) : v),
  };
  const built = BUILDERS[input.kind](ctx, fmt, input.villageId);
  const what = LEDGER_LABELS[input.kind];
  const columns = built.columns as SheetColumn<unknown>[];
  const subtitle = [built.note ?? '', `共 ${built.rows.length} 条`, exportLine(ctx, masked, input.purpose)].filter(Boolean).join('　');
  const bytes = await workbookBuffer(async (wb) => {
    const sheet = wb.addWorksheet(what, { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
    writeTitleAndHeader(sheet, `${placeTitle(ctx)}${what}`, subtitle, columns);
    await writeRows(sheet, built.rows, columns);
    sheet.commit();
  });
  const name = `${what}-${chinaDate(ctx.now())}${masked ? '' : '-完整'}.xlsx`;
  const file = storeSheet(ctx, bytes, name, what, built.rows.length, masked, input.purpose);
  return { ...file, rows: built.rows.length, masked, ...(built.note ? { note: built.note } : {}) };
}
