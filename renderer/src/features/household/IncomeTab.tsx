import { App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IncomeContext } from '../../../../shared/api/methods/income';
import { computeIncome, incomeWarnings, type IncomeEntry } from '../../../../shared/domain/income';
import { formatFen } from '../../../../shared/domain/money';
import { INCOME_GROUPS } from '../../../../shared/domain/profile';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { amountFen, IncomeItemsCard } from '../register/income/IncomeItemsCard';
import { COMPARISON_COLOURS, IncomeSummary, IncomeWarnings } from '../register/income/IncomeSummary';
import type { HouseholdTabProps } from './tabs';

interface Values {
  amounts: Record<string, string | undefined>;
  notes: Record<string, string | undefined>;
  divisor: number;
  divisorReason?: string;
  accountant?: string;
  note?: string;
}

const KIND_TEXT: Record<string, string> = { rolling12: '申报（核算）前 12 个月', calendarYear: '自然年度' };

/** 收入核算: every line of the profile with amount and note, live totals against the year's lines, warnings. */
export function IncomeTab({ household }: HouseholdTabProps) {
  const session = useSession();
  const { message } = App.useApp();
  const profile = session.profile;
  const canWrite = session.can('income.write') && household.status !== 'cancelled';
  const [form] = Form.useForm<Values>();
  const [ctx, setCtx] = useState<IncomeContext | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Values | undefined;

  const load = useCallback(
    async (input: { date?: string; accountId?: string }) => {
      try {
        const c = await api.call('income.get', { householdId: household.id, ...input });
        setCtx(c);
        const a = c.account;
        form.resetFields();
        form.setFieldsValue({
          amounts: Object.fromEntries((a?.items ?? []).map((i) => [i.key, formatFen(i.amountFen, { grouping: false })])),
          notes: Object.fromEntries((a?.items ?? []).map((i) => [i.key, i.note])),
          divisor: a?.divisorOverridden ? a.divisor : c.sizeAtWindowEnd,
          divisorReason: a?.divisorReason ?? undefined,
          accountant: a?.accountant || session.user.displayName,
          note: a?.note,
        });
        setConfirmed(a?.warnings.filter((w) => w.confirmed).map((w) => w.code) ?? []);
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [household.id, form, message, session.user.displayName],
  );
  useEffect(() => {
    void load({});
  }, [load, household.rowVersion]);

  const entries: IncomeEntry[] = useMemo(
    () =>
      profile.income.items
        .map((i) => ({ key: i.key, amountFen: amountFen(values?.amounts?.[i.key]) ?? 0, note: values?.notes?.[i.key]?.trim() ?? '' }))
        .filter((e) => e.amountFen > 0 || e.note),
    [values, profile],
  );
  const divisor = values?.divisor ?? ctx?.sizeAtWindowEnd ?? 0;
  const live = useMemo(() => {
    if (!ctx) return { result: null, error: null };
    try {
      return { result: computeIncome(entries, divisor, profile, ctx.window.lineYear), error: null };
    } catch (e) {
      return { result: null, error: (e as Error).message };
    }
  }, [entries, divisor, profile, ctx]);
  const warnings = ctx
    ? incomeWarnings({ ...household, publicWelfareJobMonths: ctx.publicWelfareJobMonths, items: entries, divisor, memberCountAtWindowEnd: ctx.sizeAtWindowEnd }, profile)
    : [];

  const save = async () => {
    if (!ctx) return;
    try {
      await form.validateFields();
    } catch {
      return void message.error('有金额填写错误，请按红色提示修改。');
    }
    setSaving(true);
    try {
      const v = form.getFieldsValue(true) as Values;
      const saved = await api.call('income.save', {
        householdId: household.id,
        date: ctx.accountedOn,
        items: entries.map((e) => ({ key: e.key, amountFen: e.amountFen, note: e.note || undefined })),
        divisor: v.divisor,
        divisorReason: v.divisor !== ctx.sizeAtWindowEnd ? v.divisorReason?.trim() : undefined,
        confirmedWarnings: warnings.map((w) => w.code).filter((c) => confirmed.includes(c)),
        accountant: v.accountant?.trim() || undefined,
        note: v.note?.trim() || undefined,
        rowVersion: ctx.account?.rowVersion,
      });
      void message.success(`已保存收入核算：人均纯收入 ${formatFen(saved.perCapitaFen)} 元（${saved.comparisonLabel}）`);
      await load({ accountId: saved.id });
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
      else void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  /** Starts a new window from the lines of the latest 核算 (amounts usually change little from year to year). */
  const copyLatest = async () => {
    if (!ctx?.accounts.length) return;
    try {
      const latest = await api.call('income.get', { householdId: household.id, accountId: ctx.accounts[0].id });
      const items = latest.account?.items ?? [];
      form.setFieldsValue({
        amounts: Object.fromEntries(items.map((i) => [i.key, formatFen(i.amountFen, { grouping: false })])),
        notes: Object.fromEntries(items.map((i) => [i.key, i.note])),
      });
      void message.info('已复制最近一次核算的各项金额，请逐项核实后保存。');
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  if (!ctx) return <Spin />;
  const w = ctx.window;
  return (
    <div
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && canWrite) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <span>
            核算日期：
            <DatePicker
              aria-label="核算日期"
              value={dayjs(ctx.accountedOn)}
              allowClear={false}
              onChange={(d) => d && void load({ date: d.format('YYYY-MM-DD') })}
              disabledDate={(d) => d.format('YYYY-MM-DD') > ctx.today}
            />
          </span>
          <span>
            核算期间：<b>{w.from}</b> 至 <b>{w.to}</b>（{KIND_TEXT[w.kind] ?? w.kind}，对照 {w.lineYear} 年收入线）
          </span>
          {ctx.accounts.length > 0 && (
            <Select
              style={{ minWidth: 320 }}
              placeholder="历次核算"
              value={ctx.account?.id}
              onChange={(id: string) => void load({ accountId: id })}
              options={ctx.accounts.map((a) => ({ value: a.id, label: `${a.windowFrom} 至 ${a.windowTo}　人均 ${formatFen(a.perCapitaFen)} 元　${a.comparisonLabel}` }))}
            />
          )}
          {ctx.account ? <Tag color={COMPARISON_COLOURS[ctx.account.comparison]}>已保存 · {ctx.account.updatedBy ?? ''}</Tag> : <Tag>本期间尚未保存</Tag>}
          {canWrite && ctx.account && ctx.accountedOn !== ctx.today && <Button onClick={() => void load({ date: ctx.today })}>按今天新建核算</Button>}
          {canWrite && !ctx.account && ctx.accounts.length > 0 && <Button onClick={() => void copyLatest()}>复制最近一次核算的金额</Button>}
        </Space>
      </Card>
      <Form form={form} layout="vertical" disabled={!canWrite}>
        <Row gutter={12}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {INCOME_GROUPS.map((g) => {
                const items = profile.income.items.filter((i) => i.group === g);
                return items.length ? <IncomeItemsCard key={g} group={g} items={items} subtotalFen={live.result?.groupTotalsFen[g] ?? 0} readOnly={!canWrite} /> : null;
              })}
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Card size="small" title="家庭人口数（除数）">
                <Form.Item name="divisor" label={`核算期末（${w.to}）家庭成员 ${ctx.sizeAtWindowEnd} 人`} rules={[{ required: true, message: '请填写家庭人口数' }]}>
                  <InputNumber min={1} max={50} suffix="人" aria-label="家庭人口数" />
                </Form.Item>
                {divisor !== ctx.sizeAtWindowEnd && (
                  <Form.Item name="divisorReason" label="人口数调整原因" rules={[{ required: true, message: '人口数与期末成员数不一致，请写明原因' }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                )}
                {ctx.sizeChanges.length > 0 ? (
                  <div className="gl-muted">
                    期间成员变动：{ctx.sizeChanges.map((c) => `${c.date} ${c.name}${c.delta > 0 ? '加入' : '减员'}`).join('；')}
                  </div>
                ) : (
                  <div className="gl-muted">核算期间内无成员增减。人口数按“家庭成员”页签登记的变更日期自动计算。</div>
                )}
              </Card>
              <IncomeSummary result={live.result} error={live.error} />
              <IncomeWarnings warnings={warnings} confirmed={confirmed} onConfirm={setConfirmed} readOnly={!canWrite} />
              <Card size="small">
                <Form.Item name="accountant" label="核算人">
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="note" label="备注">
                  <Input.TextArea maxLength={500} rows={2} />
                </Form.Item>
                {canWrite ? (
                  <Button type="primary" block loading={saving} onClick={() => void save()}>
                    保存收入核算（Ctrl+S）
                  </Button>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={household.status === 'cancelled' ? '该户已注销，仅可查看' : '您的账号只能查看收入核算'} />
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
