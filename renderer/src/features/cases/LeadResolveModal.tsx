import { App, Button, Checkbox, DatePicker, Divider, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { LeadRow } from '../../../../shared/api/schemas/procedures';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { applyFieldErrors, errorText } from '../common/errors';
import { chinaTime, DateInput, useConfirm } from './procedureUi';

interface ResolveForm {
  contactedAt?: Dayjs;
  contactedBy?: string;
  siteVisited?: boolean;
  findings?: string;
  outcome: 'openCase' | 'notEligible';
  date?: string;
  reason?: string;
  explained?: boolean;
  writtenNoticeGiven?: boolean;
}

/**
 * 核实并办结一条线索: the on-site check (if not yet recorded), then either 转入识别纳入 (opens the case)
 * or 不予纳入 with the reason, 解释沟通 and the optional 告知书.
 */
export function LeadResolveModal({ lead, onClose, onDone }: { lead: LeadRow | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<ResolveForm>();
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const needsContact = lead?.status === 'awaitingContact';

  useEffect(() => {
    if (!lead) return;
    form.resetFields();
    form.setFieldsValue({ outcome: 'openCase', siteVisited: false, explained: false, writtenNoticeGiven: false });
    void api.result('leads.list', { filter: {}, startRow: 0, endRow: 1 }).then((r) => {
      if (r.ok) form.setFieldsValue({ contactedAt: dayjs(r.value.now), date: r.value.today });
    });
  }, [lead, form]);

  const contactOf = (v: ResolveForm) => ({ contactedAt: v.contactedAt!.format('YYYY-MM-DDTHH:mm:ssZ'), contactedBy: v.contactedBy ?? '', siteVisited: v.siteVisited === true, findings: v.findings ?? '' });

  const submit = async (contactOnly: boolean) => {
    if (!lead) return;
    let v: ResolveForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const what = contactOnly ? '登记上门核实情况' : v.outcome === 'openCase' ? '线索属实，转入识别纳入：将为该户开启识别纳入案件（提交申请步骤）' : '不予纳入：线索将办结，不能再转入识别纳入';
    if (!(await confirm(`确认${contactOnly ? '登记' : '办结'}？`, `${lead.headName}户：${what}。`))) return;
    setSaving(true);
    try {
      if (contactOnly) {
        await api.call('leads.contact', { leadId: lead.id, rowVersion: lead.rowVersion, ...contactOf(v) });
        void message.success('已登记上门核实情况');
        onDone();
        return;
      }
      const outcomeInput =
        v.outcome === 'openCase'
          ? { kind: 'openCase' as const }
          : { kind: 'notEligible' as const, date: v.date ?? '', reason: v.reason ?? '', explained: v.explained === true, writtenNoticeGiven: v.writtenNoticeGiven === true };
      const r = await api.call('leads.resolve', { leadId: lead.id, rowVersion: lead.rowVersion, ...(needsContact ? { contact: contactOf(v) } : {}), outcome: outcomeInput });
      void message.success(r.caseId ? '已转入识别纳入' : '线索已办结（不予纳入）');
      onDone();
      if (r.caseId) navigate(`/case/${r.caseId}`);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={lead ? `核实并办结线索：${lead.headName}户` : ''}
      open={lead !== null}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {needsContact && (
            <Button loading={saving} onClick={() => void submit(true)}>
              仅登记上门核实
            </Button>
          )}
          <Button type="primary" loading={saving} onClick={() => void submit(false)}>
            办结
          </Button>
        </Space>
      }
    >
      {lead && (
        <p className="gl-muted">
          {lead.channelLabel} · {lead.reporter} · 接报 {chinaTime(lead.receivedAt)} · {lead.summary}
        </p>
      )}
      <Form form={form} layout="vertical">
        {needsContact && (
          <>
            <Divider titlePlacement="start">上门核实（48 小时内）</Divider>
            <Space style={{ width: '100%' }} align="start">
              <Form.Item label="联系时间" name="contactedAt" rules={[{ required: true, message: '请填写联系时间' }]}>
                <DatePicker aria-label="联系时间" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item label="联系人" name="contactedBy" rules={[{ required: true, message: '请填写联系人（村书记/驻村第一书记）' }]}>
                <Input aria-label="联系人" maxLength={50} />
              </Form.Item>
            </Space>
            <Form.Item name="siteVisited" valuePropName="checked">
              <Checkbox>已上门核查“一超过、两不愁、三保障”及风险点</Checkbox>
            </Form.Item>
            <Form.Item label="核实情况" name="findings" rules={[{ required: true, message: '请填写核实情况' }]}>
              <Input.TextArea aria-label="核实情况" rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        <Divider titlePlacement="start">办结方式</Divider>
        <Form.Item name="outcome">
          <Radio.Group>
            <Radio value="openCase">情况属实，转入识别纳入</Radio>
            <Radio value="notEligible">不予纳入</Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'notEligible' && (
          <>
            <Form.Item label="不予纳入日期" name="date" rules={[{ required: true, message: '请填写日期' }]}>
              <DateInput aria-label="不予纳入日期" />
            </Form.Item>
            <Form.Item label="不予纳入原因" name="reason" rules={[{ required: true, message: '请写明不予纳入的原因' }]}>
              <Input.TextArea aria-label="不予纳入原因" rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="explained" valuePropName="checked">
              <Checkbox>已向农户解释政策（解释沟通）</Checkbox>
            </Form.Item>
            <Form.Item name="writtenNoticeGiven" valuePropName="checked">
              <Checkbox>已送达不予纳入告知书</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
