import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/methods/meetings';
import { isAddendumComplete } from '../../../../shared/domain/meeting';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../common/errors';
import { DateInput } from '../cases/procedureUi';
import { SignaturePanel } from './SignaturePanel';

interface AddendumForm {
  date: string;
  text: string;
  reason: string;
  signerIds: string[];
  itemId?: string;
  agree?: number;
  disagree?: number;
  abstain?: number;
  outcome?: 'pass' | 'fail';
}

/** 补充说明 to locked minutes: a dated correction with its own signers; a vote correction takes effect once all have signed. */
export function AddendumPanel({ detail, today, canWrite, onChange }: { detail: MeetingDetail; today: string; canWrite: boolean; onChange: (d: MeetingDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddendumForm>();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const m = detail.meeting;

  const submit = async () => {
    let v: AddendumForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const corrections = v.itemId ? [{ itemId: v.itemId, votes: { agree: v.agree ?? 0, disagree: v.disagree ?? 0, abstain: v.abstain ?? 0 }, ...(v.outcome ? { outcome: v.outcome } : {}) }] : [];
    setSaving(true);
    try {
      const d = await api.call('meetings.addendum', { meetingId: detail.id, date: v.date, text: v.text, reason: v.reason, signerIds: v.signerIds, corrections });
      void message.success('已添加补充说明，请指定人员签字');
      setOpen(false);
      onChange(d);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="补充说明（更正）" extra={canWrite && <Button onClick={() => (form.resetFields(), form.setFieldsValue({ date: today, signerIds: m.attendees.map((a) => a.id) }), setOpen(true))}>添加补充说明</Button>}>
      {m.addenda.length === 0 && <p className="gl-muted">会议记录锁定后如需更正，请添加补充说明，由相关参会人员签字后生效。</p>}
      {m.addenda.map((a) => (
        <div key={a.id} style={{ marginBottom: 12 }}>
          <p>
            <Tag color={isAddendumComplete(a) ? 'success' : 'warning'}>{isAddendumComplete(a) ? '已签字生效' : '待签字'}</Tag>
            {a.date}：{a.text}（原因：{a.reason}）
          </p>
          <SignaturePanel detail={detail} attendees={m.attendees.filter((x) => a.signerIds.includes(x.id))} signatures={a.signatures} addendumId={a.id} canSign={canWrite} onChange={onChange} />
        </div>
      ))}
      <Modal title="添加补充说明" open={open} onCancel={() => setOpen(false)} onOk={() => void submit()} okText="添加" confirmLoading={saving} width={640} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请填写日期' }]}>
            <DateInput aria-label="补充说明日期" />
          </Form.Item>
          <Form.Item label="更正内容" name="text" rules={[{ required: true, message: '请填写更正内容' }]}>
            <Input.TextArea aria-label="更正内容" rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label="更正原因" name="reason" rules={[{ required: true, message: '请填写更正原因' }]}>
            <Input aria-label="更正原因" maxLength={1000} />
          </Form.Item>
          <Form.Item label="签字人员" name="signerIds" rules={[{ required: true, message: '请选择签字人员' }]}>
            <Select aria-label="签字人员" mode="multiple" options={m.attendees.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item label="更正某户的表决（可不填）" name="itemId">
            <Select allowClear options={m.items.map((i) => ({ value: i.id, label: `${i.headName}（${i.villageGroup}）` }))} />
          </Form.Item>
          <Space>
            <Form.Item label="同意" name="agree">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="不同意" name="disagree">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="弃权" name="abstain">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="结果" name="outcome">
              <Radio.Group options={[{ value: 'pass', label: '通过' }, { value: 'fail', label: '不通过' }]} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
