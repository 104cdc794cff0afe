import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';

interface Props {
  open: boolean;
  /** After a successful change, or on cancel (not offered when forced). */
  onClose: (changed: boolean) => void;
  /** First login / after an admin reset: the user cannot continue until the password is changed. */
  forced?: boolean;
}

/** 修改密码: the rules come from the 地方口径 profile; the backend checks them again (and history). */
export function ChangePasswordModal({ open, onClose, forced = false }: Props) {
  const { profile } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const rules = profile.security;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.call('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success('密码已修改。其他地方登录的本账号已自动退出。');
      form.resetFields();
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? '请先修改密码' : '修改密码'}
      okText="确认修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => !forced && onClose(false)}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="这是首次登录或管理员刚重置了您的密码。为保护农户信息，请设置只有您自己知道的新密码后再继续。" />}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={`至少 ${rules.passwordMinLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${rules.passwordMinClasses} 类；不能包含用户名，不能与最近用过的密码相同。`}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: rules.passwordMinLength, message: `新密码至少 ${rules.passwordMinLength} 位` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_r, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
