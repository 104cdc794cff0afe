import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEASURE_STATUS_LABELS, VISIT_STATE_LABELS, type MeasureStatus, type VisitState } from '../../../../shared/domain/assistanceTerms';
import { formatFen, tryParseYuan } from '../../../../shared/domain/money';
import type { Profile } from '../../../../shared/domain/profile';

// Small pieces the assistance screens share: labels from the profile, dates and 元 ↔ 分.

export const categoryLabel = (profile: Profile, key: string): string => profile.enums.measureCategories.find((c) => c.key === key)?.label ?? key;

/** 分 → "1,500.00" (元), or a dash. */
export const yuanText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : formatFen(fen));

export const toDay = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const fromDay = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** Form rule for an amount typed in 元: the money parser's own Chinese reason on failure. */
export const yuanRule = (field: string, allowNegative = false) => ({
  validator: async (_: unknown, v: string | undefined) => {
    if (v === undefined || v === null || String(v).trim() === '') return;
    const r = tryParseYuan(v, { field, allowNegative });
    if (!r.ok) throw new Error(r.reason);
  },
});

/** 元 text → 分, or null when empty (validated by yuanRule beforehand). */
export function toFen(v: string | undefined, allowNegative = false): number | null {
  if (v === undefined || v === null || String(v).trim() === '') return null;
  const r = tryParseYuan(v, { allowNegative });
  return r.ok ? r.fen : null;
}

const STATUS_COLOURS: Record<MeasureStatus, string> = { planned: 'default', implemented: 'processing', ended: 'success' };
export const MeasureStatusTag = ({ status }: { status: MeasureStatus }) => <Tag color={STATUS_COLOURS[status]}>{MEASURE_STATUS_LABELS[status]}</Tag>;

const STATE_COLOURS: Record<VisitState, string> = { visited: 'success', pending: 'default', overdue: 'orange' };
export const VisitStateTag = ({ state }: { state: VisitState }) => <Tag color={STATE_COLOURS[state]}>{VISIT_STATE_LABELS[state]}</Tag>;
