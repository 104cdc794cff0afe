import { App, Button, Card, Form } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas/procedures';
import { STEP_LABELS, type StepKey } from '../../../../shared/domain/workflow/rules';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../common/errors';
import { useConfirm } from './procedureUi';
import { ApplyFields, CountyFields, ProposeFields, RecordPickFields, ReviewFields, VerifyFields } from './stepFields';

type Values = Record<string, unknown>;

function initialValues(detail: CaseDetail, step: StepKey): Values {
  const date = detail.today;
  switch (step) {
    case 'apply':
      return { date, applicantName: detail.headName, commitment: false, authorisation: false, mark: { signed: true, fingerprint: false } };
    case 'propose':
      return { date, proposedBy: '村两委、驻村工作队' };
    case 'verify':
      return { date, verifiers: [{ name: '' }, { name: '' }] };
    case 'townshipReview':
      return { decision: 'pass', date };
    case 'countyDecision':
      return { decision: detail.kind === 'identification' ? 'approve' : 'eliminate', date, colour: detail.kind === 'identification' ? (detail.colour ?? 'orange') : 'blue' };
    default:
      return {};
  }
}

/** Form values → the step data the domain schema expects (unset optionals dropped). */
function toData(detail: CaseDetail, step: StepKey, v: Values): { data: Values; colour?: string } {
  const clean = (o: Values) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== '' && x !== null));
  if (step === 'apply') return { data: clean({ ...v, mark: { ...(v.mark as Values), medium: 'paper' } }) };
  if (step === 'propose') return { data: clean({ ...v, mode: detail.mode }) };
  if (step === 'verify') return { data: clean({ ...v, verifiers: ((v.verifiers as Values[]) ?? []).map(clean) }) };
  if (step === 'countyDecision') {
    const { colour, ...rest } = v;
    const data = clean(rest.decision === 'reject' ? { decision: 'reject', date: rest.date, docNumber: rest.docNumber, reason: rest.reason } : { ...rest, ...(detail.kind === 'elimination' ? { mode: detail.mode } : {}) });
    return { data, colour: rest.decision === 'reject' ? undefined : (colour as string | undefined) };
  }
  if (step === 'townshipReview' && v.decision === 'pass') return { data: clean({ decision: 'pass', date: v.date, reviewer: v.reviewer, opinion: v.opinion }) };
  return { data: clean(v) };
}

/** What the confirmation dialog says will happen. */
function consequence(detail: CaseDetail, step: StepKey, v: Values): string {
  const next = '完成后进入下一步骤，已办理的步骤不能直接修改（如需更正须由镇街审核退回）。';
  if (step === 'deliberate') return `将依据所选会议记录登记评议结果；评议未通过的，案件将办结为${detail.kind === 'identification' ? '“不予纳入”' : '“不予消除”'}。`;
  if (step === 'notice') return '将结束公示并登记公示期间的异议；未处理完毕的异议须在镇街审核前处理。';
  if (step === 'townshipReview') return v.decision === 'sendBack' ? `案件将退回到「${STEP_LABELS[v.sendBackTo as StepKey] ?? ''}」，该步骤及之后的数据清空（办理经过保留）。` : '审核通过后报县级审定。';
  if (step === 'countyDecision') {
    if (v.decision === 'reject') return '案件将办结，农户状态不变。';
    return detail.kind === 'identification' ? `该户将纳入监测（状态改为“监测中”，类别 ${String(v.category ?? '')}），案件办结。` : '该户将标注为“风险已消除”（仍保留在名册中继续跟踪），案件办结。';
  }
  return next;
}

/** The form for the awaiting step; submits through cases.advance after a confirmation. */
export function StepForm({ detail, onDone }: { detail: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const step = detail.currentStep as StepKey;
  const decision = Form.useWatch('decision', form) as string | undefined;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initialValues(detail, step));
  }, [detail, step, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    v = { ...form.getFieldsValue(true), ...v };
    if (!(await confirm(`确认办理「${STEP_LABELS[step]}」？`, `${detail.headName}户：${consequence(detail, step, v)}`))) return;
    setSaving(true);
    try {
      const { data, colour } = toData(detail, step, v);
      const d = await api.call('cases.advance', { caseId: detail.id, rowVersion: detail.rowVersion, step, data, ...(colour ? { colour: colour as 'red' } : {}) });
      void message.success(`已办理：${STEP_LABELS[step]}`);
      onDone(d);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={`办理：${STEP_LABELS[step]}`} size="small" data-testid="step-form">
      <Form form={form} layout="vertical">
        {step === 'apply' && <ApplyFields />}
        {step === 'propose' && <ProposeFields mode={detail.mode} />}
        {step === 'verify' && <VerifyFields />}
        {step === 'deliberate' && (
          <RecordPickFields name="meetingId" label="评议会议记录" options={detail.meetingOptions} empty="还没有列入该户的评议会议。请先在“评议会议”中新建会议并完成全部签字。" link={{ text: '去评议会议 →', path: '/meetings' }} />
        )}
        {step === 'notice' && (
          <RecordPickFields name="noticeId" label="公示" options={detail.noticeOptions} empty="还没有公示该户。请在“公示管理”中按会议记录生成公示。" link={{ text: '去公示管理 →', path: '/notices' }} />
        )}
        {step === 'townshipReview' && <ReviewFields detail={detail} decision={decision} />}
        {step === 'countyDecision' && <CountyFields detail={detail} decision={decision} />}
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          办理{STEP_LABELS[step]}
        </Button>
      </Form>
    </Card>
  );
}
