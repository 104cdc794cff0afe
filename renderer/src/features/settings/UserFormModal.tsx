import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { UserSummary } from '../../../../shared/api/methods/users';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/permissions';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeKind: 'all' | 'villages';
  villageIds: string[];
  disabled: boolean;
  initialPassword?: string;
}

const ROLE_HINTS: Record<Role, string> = {
  admin: '账号、备份、地方口径等全部功能',
  clerk: '乡镇日常录入、办理、导入导出',
  reviewer: '乡镇审核、评议，不能改台账',
  village: '只能录入和查看所辖村的农户',
  county: '录入县级审定结果',
  viewer: '只读查看和导出统计',
};

/** New account, or edit of role / 管辖范围 / 停用 (user names never change; passwords by reset). */
export function UserFormModal({ user, open, onClose }: { user: UserSummary | null; open: boolean; onClose: (saved: boolean) => void }) {
  const { profile } = useSession();
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const scopeKind = Form.useWatch('scopeKind', form);
  const creating = !user;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? { username: user.username, displayName: user.displayName, role: user.role, scopeKind: user.scope.kind, villageIds: user.scope.kind === 'villages' ? user.scope.villageIds : [], disabled: user.disabled }
        : { role: 'clerk', scopeKind: 'all', villageIds: [], disabled: false },
    );
  }, [open, user, form]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.call('users.save', {
        id: user?.id,
        rowVersion: user?.rowVersion,
        username: creating ? v.username : undefined,
        displayName: v.displayName,
        role: v.role,
        scope: v.scopeKind === 'all' ? { kind: 'all' } : { kind: 'villages', villageIds: v.villageIds },
        disabled: v.disabled,
        initialPassword: creating ? v.initialPassword : undefined,
      });
      void message.success(creating ? '账号已创建。请把用户名和初始密码当面告诉本人，首次登录须修改密码。' : '已保存');
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={creating ? '新建账号' : `修改账号 ${user.username}`} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={() => onClose(false)} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item label="用户名（登录用，创建后不能修改）" name="username" rules={[{ required: creating, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9._-]{2,32}$/, message: '2–32 位字母、数字或 . _ -' }]}>
          <Input disabled={!creating} placeholder="如 zhangsan" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写使用人的姓名（不要共用账号）' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} — ${ROLE_HINTS[r]}` }))} />
        </Form.Item>
        <Form.Item label="管辖范围" name="scopeKind">
          <Radio.Group options={[{ value: 'all', label: '全镇' }, { value: 'villages', label: '指定村' }]} />
        </Form.Item>
        {scopeKind === 'villages' && (
          <Form.Item label="所辖村" name="villageIds" rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个村' }]}>
            <Select mode="multiple" options={villages.map((d) => ({ value: d.id, label: d.name }))} placeholder="选择行政村" />
          </Form.Item>
        )}
        {creating ? (
          <Form.Item
            label="初始密码"
            name="initialPassword"
            extra={`至少 ${profile.security.passwordMinLength} 位，含大写、小写、数字、符号中的 ${profile.security.passwordMinClasses} 类。本人首次登录后必须修改。`}
            rules={[{ required: true, message: '请设置初始密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : (
          <Form.Item label="停用账号（停用后不能登录，历史记录保留）" name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
