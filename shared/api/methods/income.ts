import { z } from 'zod';
import { method } from '../define';
import { auditStamp, id, isoDate, shortText } from '../schemas/common';

// 收入核算 ("算账"): per household per window, every line with amount (分) and note; totals computed by
// shared/domain/income.ts and stored for registers and reports.

const fen = z.number().int().min(0).max(100_000_000_00);

export const WARNING_CODES = ['noFarmlandSubsidy', 'noEcoCompensation', 'noPublicWelfareJobIncome', 'divisorMismatch'] as const;

export const incomeItemRow = z.object({
  key: z.string(),
  /** The profile's label when saved (a later profile edit does not rewrite a signed sheet). */
  label: z.string(),
  group: z.string(),
  counted: z.boolean(),
  amountFen: z.number().int(),
  note: z.string(),
});

export const incomeAccount = z.object({
  id,
  householdId: id,
  /** 核算日期: the window is derived from it (profile.income.window). */
  accountedOn: z.string(),
  windowKind: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  lineYear: z.number().int(),
  /** 家庭人口数 the per-capita figure is divided by. */
  divisor: z.number().int(),
  divisorOverridden: z.boolean(),
  divisorReason: z.string().nullable(),
  membersAtWindowEnd: z.number().int(),
  items: z.array(incomeItemRow),
  groupTotalsFen: z.record(z.string(), z.number().int()),
  grossIncomeFen: z.number().int(),
  netIncomeFen: z.number().int(),
  selfPaidDeductedFen: z.number().int(),
  perCapitaFen: z.number().int(),
  povertyLineFen: z.number().int(),
  monitoringLineFen: z.number().int(),
  lineSource: z.string(),
  comparison: z.enum(['belowPoverty', 'belowMonitoring', 'atOrAboveMonitoring']),
  comparisonLabel: z.string(),
  gapToMonitoringFen: z.number().int(),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), confirmed: z.boolean() })),
  accountant: z.string(),
  note: z.string(),
  ...auditStamp,
});
export type IncomeAccount = z.infer<typeof incomeAccount>;

export const incomeAccountSummary = incomeAccount.pick({
  id: true,
  accountedOn: true,
  windowFrom: true,
  windowTo: true,
  divisor: true,
  netIncomeFen: true,
  perCapitaFen: true,
  comparison: true,
  comparisonLabel: true,
  updatedAt: true,
  updatedBy: true,
});
export type IncomeAccountSummary = z.infer<typeof incomeAccountSummary>;

export const incomeContext = z.object({
  householdId: id,
  /** The backend's China calendar day (the default 核算日期 of a new 核算). */
  today: z.string(),
  accountedOn: z.string(),
  window: z.object({ from: z.string(), to: z.string(), lineYear: z.number().int(), kind: z.string() }),
  /** 家庭人口数 at the window's last day, from members' joined_at/left_at: the default divisor. */
  sizeAtWindowEnd: z.number().int(),
  sizeChanges: z.array(z.object({ date: z.string(), name: z.string(), delta: z.number().int() })),
  /** Sum of 公益性岗位 months of the members at the window's end (for the missing-income warning). */
  publicWelfareJobMonths: z.number().int(),
  /** The stored 核算 of this window, if any. */
  account: incomeAccount.nullable(),
  /** Every stored 核算 of the household, newest window first. */
  accounts: z.array(incomeAccountSummary),
});
export type IncomeContext = z.infer<typeof incomeContext>;

export const incomeMethods = {
  'income.get': method({
    input: z.strictObject({
      householdId: id,
      /** 核算日期: the window of that date. Without date and accountId: the latest stored 核算, else today's window. */
      date: isoDate.optional(),
      /** Open a stored 核算 by id instead (its own date and window). */
      accountId: id.optional(),
    }),
    output: incomeContext,
    access: 'register.read',
    write: false,
    summary: '一户的收入核算：核算期间、期末人口数及期间成员变动、已保存的核算（逐项金额、合计、人均纯收入与收入线比较、提醒）',
  }),
  'income.save': method({
    input: z.strictObject({
      householdId: id,
      date: isoDate,
      items: z
        .array(z.strictObject({ key: z.string().min(1).max(40), amountFen: fen, note: shortText(200).optional() }))
        .max(200),
      /** Only when the divisor must differ from the members at the window's end; a reason is then required. */
      divisor: z.number().int().min(1).max(50).optional(),
      divisorReason: shortText(200).optional(),
      /** Warnings the clerk checked and confirmed (e.g. truly no 地力补贴). */
      confirmedWarnings: z.array(z.enum(WARNING_CODES)).max(10).optional(),
      accountant: shortText(50).optional(),
      note: shortText(500).optional(),
      /** Optimistic lock when editing the stored 核算 of this window. */
      rowVersion: z.number().int().min(1).optional(),
    }),
    output: incomeAccount,
    access: 'income.write',
    write: true,
    summary: '保存一户一个核算期间的收入核算（同一期间再次保存即修改），计算纯收入、人均纯收入并与当年收入线比较',
  }),
};
