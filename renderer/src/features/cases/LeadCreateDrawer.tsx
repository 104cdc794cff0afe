import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { HouseholdFormDrawer } from '../register/HouseholdFormDrawer';
import { HouseholdSelect } from './procedureUi';

interface LeadForm {
  householdId: string;
  channel: string;
  reporter: string;
  receivedAt: Dayjs;
  summary: string;
}

/** 登记线索: which household (registered, or created here), how it was found, who raised it, when. */
export function LeadCreateDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadForm>();
  const [saving, setSaving] = useState(false);
  const [newHousehold, setNewHousehold] = useState(false);
  const [created, setCreated] = useState<{ id: string; label: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setCreated(null);
    // Default time: the workstation's own clock (the server's), not the PC's.
    void api.result('leads.list', { filter: {}, startRow: 0, endRow: 1 }).then((r) => r.ok && form.setFieldValue('receivedAt', dayjs(r.value.now)));
  }, [open, form]);

  const save = async () => {
    let v: LeadForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const lead = await api.call('leads.create', { householdId: v.householdId, channel: v.channel, reporter: v.reporter, receivedAt: v.receivedAt.format('YYYY-MM-DDTHH:mm:ssZ'), summary: v.summary });
      void message.success(`已登记线索：${lead.headName}户，须于 ${dayjs(lead.contactDueAt).format('YYYY-MM-DD HH:mm')} 前上门核实`);
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title="登记线索"
      open={open}
      onClose={onClose}
      width={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item label="农户" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="householdId" noStyle rules={[{ required: true, message: '请选择农户，或点击“新建农户”' }]}>
              {created ? <Select aria-label="农户" options={[{ value: created.id, label: created.label }]} /> : <HouseholdSelect aria-label="农户" />}
            </Form.Item>
            {session.can('register.write') && <Button onClick={() => setNewHousehold(true)}>新建农户</Button>}
          </Space.Compact>
        </Form.Item>
        <Form.Item label="发现途径" name="channel" rules={[{ required: true, message: '请选择发现途径' }]}>
          <Select aria-label="发现途径" options={session.profile.enums.leadChannels.map((c) => ({ value: c.key, label: c.label }))} />
        </Form.Item>
        <Form.Item label="反映人" name="reporter" rules={[{ required: true, message: '请填写反映人，如“户主本人”“帮扶干部 张三”“12317 平台转办”' }]}>
          <Input aria-label="反映人" maxLength={50} placeholder="户主本人 / 帮扶干部 张三 / 12317 平台转办" />
        </Form.Item>
        <Form.Item label="接报时间" name="receivedAt" rules={[{ required: true, message: '请填写接报时间' }]} extra="村书记/驻村第一书记须在接报后 48 小时内联系农户并上门核查。">
          <DatePicker aria-label="接报时间" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="困难情况" name="summary" rules={[{ required: true, message: '请填写农户反映的困难情况' }]}>
          <Input.TextArea aria-label="困难情况" rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      <HouseholdFormDrawer
        open={newHousehold}
        onClose={() => setNewHousehold(false)}
        onSaved={(h) => {
          setNewHousehold(false);
          setCreated({ id: h.id, label: `${h.headName}（${h.villageName}${h.groupName ?? ''}）` });
          form.setFieldValue('householdId', h.id);
        }}
      />
    </Drawer>
  );
}
