import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/methods/auth';
import { api } from '../../api/client';
import { errorText } from '../common/errors';

export function LoginPage({ onDone }: { onDone: (user: SessionUser) => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('auth.login', v);
      await onDone(r.user);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '14vh', background: '#f5f7fa', height: '100%' }}>
      <Card title="防返贫监测工作站 · 登录" style={{ width: 400, height: 'fit-content' }}>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} initialValues={{ username: '' }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
