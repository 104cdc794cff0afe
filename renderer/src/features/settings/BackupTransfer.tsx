import { App, Button, Card, Form, Input, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/api/methods/backups';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../common/errors';

type Mode = { kind: 'sealBackup'; backupId?: string } | { kind: 'openBackup' } | { kind: 'exportAll' } | { kind: 'importAll' };

const TITLES: Record<Mode['kind'], string> = {
  sealBackup: '加密备份到U盘或其他文件夹',
  openBackup: '导入加密备份文件',
  exportAll: '全部数据导出（JSON 压缩包）',
  importAll: '由全部数据导出包重建数据库',
};

/** Copies that leave the PC, and the way back in. Passwords are never stored: write them down. */
export function BackupTransfer({ onChanged, readOnly }: { onChanged: () => void; readOnly: boolean }) {
  const [mode, setMode] = useState<Mode | null>(null);
  return (
    <Card size="small" title="异地存放与数据导出">
      <Typography.Paragraph className="gl-muted">
        建议每周把最新备份加密后存到U盘，放在办公室以外的安全地方。加密密码请单独记录、妥善保管：忘记密码将无法打开备份。
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => setMode({ kind: 'sealBackup' })}>加密备份到U盘…</Button>
        <Button onClick={() => setMode({ kind: 'openBackup' })}>导入加密备份…</Button>
        <Button onClick={() => setMode({ kind: 'exportAll' })} disabled={readOnly}>
          全部数据导出…
        </Button>
        <Button onClick={() => setMode({ kind: 'importAll' })}>由导出包重建…</Button>
      </Space>
      <TransferModal
        mode={mode}
        onClose={(changed) => {
          setMode(null);
          if (changed) onChanged();
        }}
      />
    </Card>
  );
}

/** Opens the encrypted-copy dialog for one backup from the table. */
export function useSealBackup() {
  const [mode, setMode] = useState<Mode | null>(null);
  const element = <TransferModal mode={mode} onClose={() => setMode(null)} />;
  return { open: (backupId: string) => setMode({ kind: 'sealBackup', backupId }), element };
}

function TransferModal({ mode, onClose }: { mode: Mode | null; onClose: (changed: boolean) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ password?: string; confirm?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const needsFile = mode?.kind === 'openBackup' || mode?.kind === 'importAll';
  const passwordRequired = mode?.kind === 'sealBackup' || mode?.kind === 'openBackup';
  const settingPassword = mode?.kind === 'sealBackup' || mode?.kind === 'exportAll';

  const close = (changed: boolean) => {
    form.resetFields();
    setFile(null);
    onClose(changed);
  };

  const run = async () => {
    if (!mode) return;
    const v = await form.validateFields();
    const password = v.password || undefined;
    setBusy(true);
    try {
      if (mode.kind === 'sealBackup') {
        const r = await api.call('backups.exportEncrypted', { id: mode.backupId, password: password! });
        await api.download(r.fileId, r.name);
        void message.success('加密备份已生成并校验通过，请选择U盘或文件夹保存。');
        return close(false);
      }
      if (mode.kind === 'exportAll') {
        const r = await api.call('exports.all', { password });
        await api.download(r.fileId, r.name);
        void message.success(`已导出 ${r.tables} 张表、${r.rows} 行数据。`);
        return close(false);
      }
      if (!file) return void message.warning('请先选择文件。');
      const uploaded = await api.upload(file, file.name, 'backup');
      const info: BackupInfo =
        mode.kind === 'openBackup'
          ? await api.call('backups.importEncrypted', { fileToken: uploaded.token, password: password! })
          : await api.call('imports.all', { fileToken: uploaded.token, password });
      modal.success({ title: '已加入备份列表', content: `文件校验通过（${info.households ?? 0} 户）。如需使用这份数据，请在备份列表中对它点击“恢复”。` });
      close(true);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!mode} title={mode ? TITLES[mode.kind] : ''} okText="确定" cancelText="取消" confirmLoading={busy} onOk={() => void run()} onCancel={() => close(false)} destroyOnHidden maskClosable={false}>
      {needsFile && (
        <Upload accept={mode?.kind === 'openBackup' ? '.glbak' : '.zip,.glbak'} maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
          <Button>选择文件…</Button>
        </Upload>
      )}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} autoComplete="off">
        <Form.Item
          label={settingPassword ? '加密密码' : '密码'}
          name="password"
          extra={mode?.kind === 'exportAll' ? '可不填（不加密）。导出包含全部农户个人信息，离开本机时请务必加密。' : mode?.kind === 'importAll' ? '导出时设置过密码才需要填写。' : undefined}
          rules={[{ required: passwordRequired, message: '请输入密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {settingPassword && (
          <Form.Item
            label="再次输入密码"
            name="confirm"
            dependencies={['password']}
            rules={[({ getFieldValue }) => ({ validator: (_r, value) => ((value ?? '') === (getFieldValue('password') ?? '') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
