import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas/procedures';
import { stepIndex, stepsOf } from '../../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type ProcedureAction, type StepKey } from '../../../../shared/domain/workflow/rules';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { DateInput } from './procedureUi';

// Acts beside the step form: 退回, 撤销, 绿色通道, 风险消除回退, 县级审定补录. Each asks in a dialog that
// says what will happen; the backend (profile actionPermissions) decides who may.

type ActKey = 'sendBack' | 'withdraw' | 'greenChannel' | 'revert' | 'followUp';

interface ActDef {
  label: string;
  title: string;
  warning: string;
  fields: (detail: CaseDetail) => React.ReactNode;
  call: (detail: CaseDetail, v: Record<string, string>) => Promise<CaseDetail>;
}

const req = (m: string) => [{ required: true, message: m }];
const reasonField = (label = '原因') => (
  <Form.Item label={label} name="reason" rules={req(`请填写${label}`)}>
    <Input.TextArea aria-label={label} rows={3} maxLength={1000} />
  </Form.Item>
);
const dateField = (label: string, name: string, required = true) => (
  <Form.Item label={label} name={name} rules={required ? req(`请填写${label}`) : []}>
    <DateInput aria-label={label} />
  </Form.Item>
);

const ACTS: Record<ActKey, ActDef> = {
  sendBack: {
    label: '退回',
    title: '退回到之前的步骤',
    warning: '退回后，该步骤及之后步骤的数据清空（办理经过保留），须重新办理。',
    fields: (d) => (
      <>
        <Form.Item label="退回到" name="toStep" rules={req('请选择退回到的步骤')}>
          <Select aria-label="退回到" options={stepsOf(d.kind).slice(0, stepIndex(d.kind, d.currentStep as StepKey)).map((s) => ({ value: s, label: STEP_LABELS[s] }))} />
        </Form.Item>
        {reasonField('退回原因')}
      </>
    ),
    call: (d, v) => api.call('cases.sendBack', { caseId: d.id, rowVersion: d.rowVersion, toStep: v.toStep as StepKey, reason: v.reason }),
  },
  withdraw: {
    label: '撤销案件',
    title: '撤销案件',
    warning: '撤销后案件办结，不能恢复；如需办理须重新发起。',
    fields: () => reasonField('撤销原因'),
    call: (d, v) => api.call('cases.withdraw', { caseId: d.id, rowVersion: d.rowVersion, reason: v.reason }),
  },
  greenChannel: {
    label: '开通绿色通道',
    title: '绿色通道（先帮扶后认定）',
    warning: '开通后须在规定工作日内补齐全部程序，每一步仍须办理。',
    fields: () => (
      <>
        {dateField('开始救助日期', 'assistanceStartedOn')}
        {reasonField('理由')}
      </>
    ),
    call: (d, v) => api.call('cases.greenChannel', { caseId: d.id, rowVersion: d.rowVersion, reason: v.reason, assistanceStartedOn: v.assistanceStartedOn }),
  },
  revert: {
    label: '风险消除回退',
    title: '风险消除回退',
    warning: '回退后该户恢复为“监测中”，之后可重新发起风险消除。',
    fields: () => (
      <>
        {dateField('回退日期', 'date')}
        <Form.Item label="文号" name="docNumber">
          <Input aria-label="文号" maxLength={100} />
        </Form.Item>
        {reasonField('回退原因')}
      </>
    ),
    call: (d, v) => api.call('cases.revert', { caseId: d.id, rowVersion: d.rowVersion, date: v.date, reason: v.reason, ...(v.docNumber ? { docNumber: v.docNumber } : {}) }),
  },
  followUp: {
    label: '补录审定信息',
    title: '补录录入系统日期、公告日期、文号',
    warning: '补录的信息将记入办理经过。',
    fields: () => (
      <>
        {dateField('录入系统日期', 'systemEntryDate', false)}
        {dateField('公告日期', 'announcementDate', false)}
        <Form.Item label="文号" name="docNumber">
          <Input aria-label="文号" maxLength={100} />
        </Form.Item>
      </>
    ),
    call: (d, v) => api.call('cases.countyFollowUp', { caseId: d.id, rowVersion: d.rowVersion, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x)) }),
  },
};

/** Which acts apply to this case now, for this user (by the profile's actionPermissions). */
function available(d: CaseDetail, may: (a: ProcedureAction) => boolean, greenColours: readonly string[]): ActKey[] {
  const open = d.status === 'open';
  const acts: ActKey[] = [];
  if (open && d.currentStep && stepIndex(d.kind, d.currentStep as StepKey) > 0 && may(d.currentStep as StepKey)) acts.push('sendBack');
  if (open && d.kind === 'identification' && !d.greenChannel && d.colour && greenColours.includes(d.colour) && may('greenChannel')) acts.push('greenChannel');
  if (open && may('withdraw')) acts.push('withdraw');
  if (d.outcome === 'eliminated' && may('revert')) acts.push('revert');
  if ((d.outcome === 'approved' || d.outcome === 'eliminated') && may('countyDecision')) acts.push('followUp');
  return acts;
}

export function CaseActions({ detail, onDone }: { detail: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [active, setActive] = useState<ActKey | null>(null);
  const [saving, setSaving] = useState(false);
  const perms = session.profile.procedure.actionPermissions as Record<ProcedureAction, readonly string[]>;
  const may = (a: ProcedureAction) => (perms[a] ?? []).some((p) => session.can(p));
  const acts = available(detail, may, session.profile.procedure.greenChannelColours);
  if (acts.length === 0) return null;

  const submit = async () => {
    if (!active) return;
    let v: Record<string, string>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const d = await ACTS[active].call(detail, v);
      void message.success(`已办理：${ACTS[active].label}`);
      setActive(null);
      onDone(d);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Space wrap>
        {acts.map((a) => (
          <Button key={a} danger={a === 'withdraw' || a === 'revert'} onClick={() => (form.resetFields(), form.setFieldsValue({ date: detail.today, assistanceStartedOn: detail.today }), setActive(a))}>
            {ACTS[a].label}
          </Button>
        ))}
      </Space>
      <Modal title={active ? ACTS[active].title : ''} open={active !== null} onCancel={() => setActive(null)} onOk={() => void submit()} okText="确定办理" confirmLoading={saving} destroyOnHidden>
        {active && <p style={{ color: '#d46b08' }}>{ACTS[active].warning}</p>}
        <Form form={form} layout="vertical" preserve={false}>
          {active && ACTS[active].fields(detail)}
        </Form>
      </Modal>
    </>
  );
}
