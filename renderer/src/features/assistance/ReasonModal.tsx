import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';

/** Asks why a record is deleted (kept in the audit log) before an irreversible step. */
export function ReasonModal({ open, title, warning, onCancel, onConfirm }: { open: boolean; title: string; warning: string; onCancel: () => void; onConfirm: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText="确认删除"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await onConfirm(reason.trim());
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <p>{warning}</p>
      <Form form={form} layout="vertical">
        <Form.Item label="删除原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写删除原因（将记入审计日志）' }]}>
          <Input.TextArea aria-label="删除原因" maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
