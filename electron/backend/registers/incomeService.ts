import type { IncomeRecomputed } from '../../../shared/api/methods/householdEvents';
import type { IncomeAccount, IncomeContext } from '../../../shared/api/methods/income';
import type { Household, Member } from '../../../shared/api/schemas/household';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { conflict, notFound, validationError } from '../../../shared/domain/errors';
import { computeIncome, incomeSummary, incomeWarnings, incomeWindow, type IncomeEntry, type IncomeResult } from '../../../shared/domain/income';
import { rescaleMessage, rescalePerCapita } from '../../../shared/domain/incomeDivisor';
import { householdSizeOn, isMemberOn, sizeChangesBetween } from '../../../shared/domain/householdSize';
import { formatFen } from '../../../shared/domain/money';
import type { ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { getHousehold } from '../repos/households';
import * as repo from '../repos/income';

// 收入核算 use-cases shared by income.* and the 自然变更 handlers (which move the divisor of stored accounts).

export function loadHousehold(ctx: HandlerContext, householdId: string): Household {
  const h = getHousehold(ctx.db, householdId);
  if (!h) throw notFound('该农户');
  ctx.assertVillageInScope(h.villageId);
  return h;
}

const everyone = (h: Household): Member[] => [...h.members, ...h.formerMembers];

/** Sum of 公益性岗位 months of those who were members at the window's end. */
const jobMonthsAt = (h: Household, date: string): number =>
  everyone(h)
    .filter((m) => isMemberOn(m, date))
    .reduce((n, m) => n + (m.publicWelfareJobMonths ?? 0), 0);

export function incomeContext(ctx: HandlerContext, input: ParsedInput<'income.get'>): IncomeContext {
  const h = loadHousehold(ctx, input.householdId);
  const today = chinaDate(ctx.now());
  const accounts = repo.listAccountSummaries(ctx.db, h.id);
  // Opening the tab shows the latest 核算 (a rolling window moves every day, so "today's" would be empty).
  const accountId = input.accountId ?? (input.date ? undefined : accounts[0]?.id);
  let account: IncomeAccount | null = null;
  let date = input.date ?? today;
  if (accountId) {
    account = repo.getAccount(ctx.db, accountId) ?? null;
    if (!account || account.householdId !== h.id) throw notFound('该收入核算');
    date = account.accountedOn;
  }
  const window = incomeWindow(date, ctx.profile());
  account ??= repo.findAccountByWindow(ctx.db, h.id, window.from, window.to) ?? null;
  return {
    householdId: h.id,
    today,
    accountedOn: date,
    window: { from: window.from, to: window.to, lineYear: window.lineYear, kind: window.kind },
    sizeAtWindowEnd: householdSizeOn(everyone(h), window.to),
    sizeChanges: sizeChangesBetween(everyone(h), window.from, window.to),
    publicWelfareJobMonths: jobMonthsAt(h, window.to),
    account,
    accounts,
  };
}

type SaveInput = ParsedInput<'income.save'>;

function checkItems(items: SaveInput['items']): void {
  const seen = new Set<string>();
  const issues = items.flatMap((item, i) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return [];
    }
    return [{ path: `items.${i}.key`, message: `收入项目“${item.key}”填写了两次，请合并为一行。` }];
  });
  if (issues.length) throw validationError(issues);
}

function chooseDivisor(input: SaveInput, sizeAtEnd: number): { divisor: number; overridden: boolean; reason: string | null } {
  if (input.divisor === undefined || input.divisor === sizeAtEnd) return { divisor: sizeAtEnd, overridden: false, reason: null };
  if (!input.divisorReason?.trim()) {
    throw validationError([
      { path: 'divisorReason', message: `「家庭人口数」填的是 ${input.divisor} 人，与核算期末家庭成员 ${sizeAtEnd} 人不一致，请在「人口数调整原因」中写明理由。` },
    ]);
  }
  return { divisor: input.divisor, overridden: true, reason: input.divisorReason.trim() };
}

const money = (fen: number) => `${formatFen(fen)} 元`;

/** Field-by-field audit of a 核算: every line's amount, the divisor and the result. */
function auditView(a: Pick<IncomeAccount, 'items' | 'divisor' | 'perCapitaFen' | 'comparisonLabel'> | null): Record<string, unknown> {
  if (!a) return {};
  return {
    ...Object.fromEntries(a.items.map((i) => [`item.${i.key}`, `${money(i.amountFen)}${i.note ? `（${i.note}）` : ''}`])),
    divisor: a.divisor,
    perCapita: money(a.perCapitaFen),
    comparison: a.comparisonLabel,
  };
}

export function saveIncome(ctx: HandlerContext, input: SaveInput): IncomeAccount {
  const profile = ctx.profile();
  const h = loadHousehold(ctx, input.householdId);
  const today = chinaDate(ctx.now());
  if (input.date > today) throw validationError([{ path: 'date', message: `「核算日期」${input.date} 晚于今天，请填写实际核算的日期。` }]);
  checkItems(input.items);
  const window = incomeWindow(input.date, profile);
  const sizeAtEnd = householdSizeOn(everyone(h), window.to);
  if (sizeAtEnd === 0) throw validationError([{ path: 'divisor', message: `核算期末（${window.to}）该户没有家庭成员，无法核算人均纯收入，请先核对家庭成员的加入和减员日期。` }]);
  const divisor = chooseDivisor(input, sizeAtEnd);
  const entries: IncomeEntry[] = input.items.map((i) => ({ key: i.key, amountFen: i.amountFen, note: i.note ?? '' }));
  const result = computeIncome(entries, divisor.divisor, profile, window.lineYear);
  const warnings = incomeWarnings(
    { ...h, publicWelfareJobMonths: jobMonthsAt(h, window.to), items: entries, divisor: divisor.divisor, memberCountAtWindowEnd: sizeAtEnd },
    profile,
  );

  const before = repo.findAccountByWindow(ctx.db, h.id, window.from, window.to);
  if (before && input.rowVersion && before.rowVersion !== input.rowVersion) throw conflict('该期间的收入核算已被他人修改，请刷新后再改（您的修改未保存）。');
  const id = before?.id ?? ctx.ids.newId();
  const write: repo.IncomeAccountWrite = {
    id,
    householdId: h.id,
    accountedOn: input.date,
    windowKind: window.kind,
    windowFrom: window.from,
    windowTo: window.to,
    lineYear: window.lineYear,
    divisor: divisor.divisor,
    divisorOverridden: divisor.overridden,
    divisorReason: divisor.reason,
    membersAtWindowEnd: sizeAtEnd,
    ...resultColumns(result),
    warnings,
    confirmedWarnings: (input.confirmedWarnings ?? []).filter((c) => warnings.some((w) => w.code === c)),
    accountant: input.accountant ?? '',
    note: input.note ?? '',
  };
  const at = ctx.nowIso();
  const by = ctx.user().username;
  if (before) repo.updateAccount(ctx.db, write, at, by);
  else repo.insertAccount(ctx.db, write, at, by);
  repo.replaceItems(ctx.db, id, storedLines(result));
  const after = repo.getAccount(ctx.db, id)!;
  const labels = { ...Object.fromEntries(profile.income.items.map((i) => [`item.${i.key}`, i.label])), divisor: '家庭人口数', perCapita: '人均纯收入', comparison: '与收入线比较' };
  ctx.audit({
    action: before ? 'update' : 'create',
    entity: 'income_account',
    entityId: id,
    householdId: h.id,
    summary: `${before ? '修改' : '新建'}收入核算（${window.from} 至 ${window.to}）：${incomeSummary(result)}`,
    changes: diffFields(auditView(before ?? null), auditView(after), labels),
  });
  ctx.change('income_account', id, after.rowVersion, 'upsert', after);
  return after;
}

function resultColumns(r: IncomeResult) {
  return {
    groupTotalsFen: r.groupTotalsFen,
    grossIncomeFen: r.grossIncomeFen,
    netIncomeFen: r.netIncomeFen,
    selfPaidDeductedFen: r.selfPaidDeductedFen,
    perCapitaFen: r.perCapitaFen,
    povertyLineFen: r.povertyLineFen,
    monitoringLineFen: r.monitoringLineFen,
    lineSource: r.lineSource,
    comparison: r.comparison,
    gapToMonitoringFen: r.gapToMonitoringFen,
  };
}

/** Lines with an amount or a note are kept; a blank line is not a record. */
const storedLines = (r: IncomeResult): repo.IncomeItemWrite[] =>
  r.lines.filter((l) => l.amountFen > 0 || l.note?.trim()).map((l) => ({ key: l.key, label: l.label, group: l.group, counted: l.counted, amountFen: l.amountFen, note: l.note?.trim() ?? '' }));

/**
 * After a 自然变更 dated `date`, every stored 核算 whose window ends on or after it gets the new 期末人口: the
 * divisor follows it (unless the clerk set the divisor by hand), the per-capita figure and its comparison move, and
 * the warnings are refreshed. Returns what moved so the clerk can re-grade the household.
 */
export function recomputeIncomeAfterEvent(ctx: HandlerContext, householdId: string, date: string): IncomeRecomputed[] {
  const h = getHousehold(ctx.db, householdId);
  if (!h) return [];
  const out: IncomeRecomputed[] = [];
  for (const a of repo.accountsEndingFrom(ctx.db, householdId, date)) {
    const sizeAtEnd = householdSizeOn(everyone(h), a.windowTo);
    const divisor = a.divisorOverridden || sizeAtEnd === 0 ? a.divisor : sizeAtEnd;
    if (sizeAtEnd === a.membersAtWindowEnd && divisor === a.divisor) continue;
    const rescaled = rescalePerCapita(a.netIncomeFen, divisor, a.povertyLineFen, a.monitoringLineFen);
    const entries = a.items.map((i) => ({ key: i.key, amountFen: i.amountFen }));
    const warnings = incomeWarnings({ ...h, publicWelfareJobMonths: jobMonthsAt(h, a.windowTo), items: entries, divisor, memberCountAtWindowEnd: sizeAtEnd }, ctx.profile());
    const write: repo.IncomeAccountWrite = {
      ...a,
      ...rescaled,
      divisor,
      membersAtWindowEnd: sizeAtEnd,
      warnings,
      confirmedWarnings: a.warnings.filter((w) => w.confirmed && warnings.some((n) => n.code === w.code)).map((w) => w.code),
    };
    repo.updateAccount(ctx.db, write, ctx.nowIso(), ctx.user().username);
    const after = repo.getAccount(ctx.db, a.id)!;
    const message = rescaleMessage({ from: a.windowFrom, to: a.windowTo }, a, after);
    ctx.audit({
      action: 'update',
      entity: 'income_account',
      entityId: a.id,
      householdId,
      summary: `人口变动后重算${message}`,
      changes: diffFields(auditView(a), auditView(after), { divisor: '家庭人口数', perCapita: '人均纯收入', comparison: '与收入线比较' }),
    });
    ctx.change('income_account', a.id, after.rowVersion, 'upsert', after);
    if (after.perCapitaFen !== a.perCapitaFen || divisor !== a.divisor) {
      out.push({
        accountId: a.id,
        householdId,
        windowFrom: a.windowFrom,
        windowTo: a.windowTo,
        oldDivisor: a.divisor,
        newDivisor: divisor,
        oldPerCapitaFen: a.perCapitaFen,
        newPerCapitaFen: after.perCapitaFen,
        oldComparison: a.comparison,
        newComparison: after.comparison,
        message,
      });
    }
  }
  return out;
}
