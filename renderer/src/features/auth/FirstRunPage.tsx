import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/methods/auth';
import { api } from '../../api/client';
import { errorText } from '../common/errors';

interface Values {
  displayName: string;
  password: string;
  confirm: string;
  county: string;
  township: string;
  demo: boolean;
}

/** First start with an empty database: create the administrator, name the office, optionally load the demo township. */
export function FirstRunPage({ onDone }: { onDone: (user: SessionUser) => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('auth.setupAdmin', { displayName: v.displayName, password: v.password, county: v.county ?? '', township: v.township ?? '', demo: v.demo });
      await onDone(r.user);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '8vh', paddingBottom: '8vh', background: '#f5f7fa', minHeight: '100vh', boxSizing: 'border-box' }}>
      <Card title="欢迎使用防返贫监测工作站 · 首次设置" style={{ width: 520, height: 'fit-content' }}>
        <Typography.Paragraph className="gl-muted">本机还没有任何账号。请先创建管理员账号（用户名 admin），并填写单位名称。</Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> layout="vertical" onFinish={submit} initialValues={{ displayName: '系统管理员', demo: true, county: '', township: '' }}>
          <Form.Item label="管理员姓名" name="displayName" rules={[{ required: true, message: '请填写管理员姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="管理员密码（至少 8 位，含大写字母、小写字母、数字、符号中的三类）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入密码"
            name="confirm"
            dependencies={['password']}
            rules={[{ required: true, message: '请再次输入密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="县（市、区）" name="county">
            <Input placeholder="例如：示范县" />
          </Form.Item>
          <Form.Item label="乡镇（街道）" name="township">
            <Input placeholder="例如：青山镇" />
          </Form.Item>
          <Form.Item name="demo" valuePropName="checked">
            <Checkbox>生成演示乡镇（约 2000 户虚构数据，便于熟悉操作；正式使用请不要勾选）</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {busy ? '正在设置……' : '完成设置并进入'}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
