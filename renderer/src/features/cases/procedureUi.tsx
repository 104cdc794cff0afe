import { App, DatePicker, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { chinaDateTimeOf } from '../../../../shared/domain/deadlines';
import { api } from '../../api/client';
import { errorText } from '../common/errors';

// Small pieces every procedure screen uses: due-date tags (yellow = within 1 working day, orange =
// overdue, as UI.md), China-time display, a date field holding 'YYYY-MM-DD' strings, a loader hook,
// a household picker and a confirmation dialog for irreversible steps.

export type DueStatus = 'ok' | 'dueSoon' | 'overdue';

const DUE_STYLE: Record<DueStatus, { color: string; text: string; label: string }> = {
  ok: { color: 'default', text: 'inherit', label: '' },
  dueSoon: { color: '#FADB14', text: '#333', label: '即将到期' },
  overdue: { color: '#FA8C16', text: '#fff', label: '已逾期' },
};

/** A due date or time with its colour; "无时限" when the profile sets none. */
export function DueTag({ due, status, time = false }: { due: string | null; status: DueStatus | null; time?: boolean }) {
  if (!due) return <span className="gl-muted">无时限</span>;
  const text = time ? chinaTime(due) : due;
  if (!status || status === 'ok') return <span>{text}</span>;
  const s = DUE_STYLE[status];
  return (
    <Tag color={s.color} style={{ color: s.text }} data-due={status}>
      {text} {s.label}
    </Tag>
  );
}

/** 'YYYY-MM-DD HH:mm' in China time, whatever the PC's zone. */
export const chinaTime = (iso: string | null | undefined): string => (iso ? chinaDateTimeOf(iso) : '—');

/** A DatePicker whose form value is the 'YYYY-MM-DD' string the API takes. */
export function DateInput({ value, onChange, id, disabled, 'aria-label': ariaLabel }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; disabled?: boolean; 'aria-label'?: string }) {
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      disabled={disabled}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}

/** Loads data for a screen; errors become a message, `reload` refetches. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; loading: boolean; reload: () => Promise<void> } {
  const { message } = App.useApp();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, reload };
}

/** Picks a registered household by name, ID number, pinyin initials or phone (households.list search). */
export function HouseholdSelect({ value, onChange, id, 'aria-label': ariaLabel }: { value?: string; onChange?: (v: string) => void; id?: string; 'aria-label'?: string }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (text: string) => {
    const r = await api.result('households.list', { filter: text.trim() ? { search: text.trim() } : {}, startRow: 0, endRow: 20 });
    if (r.ok) setOptions(r.value.rows.map((h) => ({ value: h.id, label: `${h.headName}（${h.villageName}${h.groupName ?? ''}）` })));
  };
  useEffect(() => {
    void search('');
  }, []);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: (t) => void search(t) }}
      placeholder="输入户主姓名、证件号或拼音首字母"
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** Asks before an irreversible step, saying what will happen; resolves true on 确定. */
export function useConfirm() {
  const { modal } = App.useApp();
  return (title: string, content: string, okText = '确定办理') =>
    new Promise<boolean>((resolve) => {
      modal.confirm({ title, content, okText, cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) });
    });
}

/** Runs a call, shows success or the backend's Chinese error; returns the value or null. */
export function useRun() {
  const { message } = App.useApp();
  return async <T,>(fn: () => Promise<T>, success?: string): Promise<T | null> => {
    try {
      const v = await fn();
      if (success) void message.success(success);
      return v;
    } catch (e) {
      void message.error(errorText(e));
      return null;
    }
  };
}
