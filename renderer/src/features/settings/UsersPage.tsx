import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UserSummary } from '../../../../shared/api/methods/users';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import { ROLE_LABELS } from '../../../../shared/domain/permissions';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { UserFormModal } from './UserFormModal';

/** 用户与权限: one named account per person (no shared logins), roles and 管辖范围. */
export function UsersPage() {
  const session = useSession();
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<{ user: UserSummary | null } | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    const r = await api.result('users.list', {});
    if (r.ok) setUsers(r.value);
    else void message.error(r.error.message);
    setLoading(false);
  }, [message]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const villageName = (id: string) => villages.find((v) => v.id === id)?.name ?? '（已删除的村）';
  const now = Date.now();
  const unlock = async (u: UserSummary) => {
    try {
      await api.call('users.unlock', { id: u.id });
      void message.success(`已解除 ${u.username} 的锁定`);
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>用户与权限</h2>
        <Button type="primary" onClick={() => setEditing({ user: null })}>
          新建账号
        </Button>
      </div>
      <Typography.Paragraph className="gl-muted" style={{ margin: 0 }}>
        每位经办人使用自己的账号，不要共用。人员调离时请“停用”账号（不要删除），以便审计记录仍能对应到人。
      </Typography.Paragraph>
      <Table<UserSummary>
        data-testid="users-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={users}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 130 },
          { title: '角色', dataIndex: 'role', width: 110, render: (r: UserSummary['role']) => ROLE_LABELS[r] },
          { title: '管辖范围', dataIndex: 'scope', render: (s: UserSummary['scope']) => (s.kind === 'all' ? '全镇' : s.villageIds.map(villageName).join('、')) },
          {
            title: '状态',
            width: 200,
            render: (_v, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>}
                {u.lockedUntil && Date.parse(u.lockedUntil) > now && <Tag color="red">锁定至 {chinaDateTime(u.lockedUntil)}</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 140, render: (v: string | null) => (v ? chinaDateTime(v) : '从未登录') },
          {
            title: '操作',
            width: 220,
            render: (_v, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ user: u })}>
                  修改
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)} disabled={u.id === session.user.id}>
                  重置密码
                </Button>
                {u.lockedUntil && Date.parse(u.lockedUntil) > now && (
                  <Button type="link" size="small" onClick={() => void unlock(u)}>
                    解除锁定
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserFormModal
        open={!!editing}
        user={editing?.user ?? null}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={(done) => {
          setResetting(null);
          if (done) void reload();
        }}
      />
    </div>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: (done: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const save = async () => {
    if (!user) return;
    const v = await form.validateFields();
    try {
      await api.call('users.resetPassword', { id: user.id, newPassword: v.newPassword });
      void message.success(`已重置 ${user.username} 的密码并解除锁定；本人下次登录须修改密码。`);
      form.resetFields();
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };
  return (
    <Modal open={!!user} title={`重置密码：${user?.username ?? ''}（${user?.displayName ?? ''}）`} okText="重置" cancelText="取消" onOk={() => void save()} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph className="gl-muted">重置后该账号在各处的登录会立即退出。请把新密码当面告诉本人。</Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
