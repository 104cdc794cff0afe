import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupInfo, type CheckResult, type RecoveryInfo } from '../../../../shared/api/methods/backups';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { BackupTransfer, useSealBackup } from './BackupTransfer';

type Status = { backups: BackupInfo[]; readOnly: boolean; recovery: RecoveryInfo | null; backupDir: string };

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** 备份与恢复: verified backups, undoable restore, integrity checks, and the recovery mode's way out. */
export function BackupsPage() {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const seal = useSealBackup();

  const reload = useCallback(async () => {
    const r = await api.result('backups.list', {});
    if (r.ok) setStatus(r.value);
    else void message.error(r.error.message);
  }, [message]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const work = async (key: string, fn: () => Promise<void>) => {
    setBusy(key);
    try {
      await fn();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
      void reload();
    }
  };

  const backupNow = () =>
    work('backup', async () => {
      const b = await api.call('backups.create', {});
      void message.success(`备份完成并校验通过（${b.households ?? 0} 户，${mb(b.sizeBytes)}）。`);
    });

  const runCheck = (full: boolean) =>
    work(full ? 'full' : 'quick', async () => {
      const r = await api.call('system.check', { full });
      setCheck(r);
      if (!r.ok) void message.error('检查发现问题，详见下方。');
    });

  const restore = (b: BackupInfo) =>
    modal.confirm({
      title: `从 ${chinaDateTime(b.createdAt)} 的备份恢复？`,
      width: 520,
      content: (
        <Typography.Paragraph>
          当前数据库将被这份备份（{b.households ?? '?'} 户）替换，备份之后录入的内容会从当前数据中消失。
          {status?.recovery ? '损坏的原文件已保存在隔离文件夹中，不会删除。' : '恢复前会自动把当前数据另存为一份“恢复前”备份，如恢复错了可以用它撤销。'}
          恢复完成后所有人需要重新登录。
        </Typography.Paragraph>
      ),
      okText: '确认恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        work(`restore-${b.id}`, async () => {
          const r = await api.call('backups.restore', { id: b.id });
          modal.success({
            title: '恢复完成',
            content: r.undoId ? `恢复前的数据已另存为备份“${r.undoId}”。如需撤销本次恢复，请重新登录后在列表中恢复它。` : '数据库已恢复，只读恢复模式已解除。',
            onOk: () => void session.logout(),
          });
        }),
    });

  const recovery = status?.recovery;
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>备份与恢复</h2>
        <Space wrap>
          <Button onClick={() => void runCheck(false)} loading={busy === 'quick'}>
            快速检查
          </Button>
          <Button onClick={() => void runCheck(true)} loading={busy === 'full'}>
            完整性检查
          </Button>
          <Button type="primary" onClick={() => void backupNow()} loading={busy === 'backup'} disabled={!!status?.readOnly}>
            立即备份
          </Button>
        </Space>
      </div>
      {recovery && (
        <Alert
          type="error"
          showIcon
          data-testid="recovery-banner"
          title="数据库处于只读恢复模式：暂不能修改任何数据"
          description={
            <>
              <div>
                原因：{recovery.reason}（{recovery.detail.slice(0, 200)}），发现时间 {chinaDateTime(recovery.since)}。
              </div>
              <div>{recovery.viewingBackup ? `现在看到的是最近一份完好备份（${recovery.viewingBackup}）中的数据。` : '没有可用的备份，当前看不到任何数据。'}</div>
              <div>损坏的原文件已原样复制到：{recovery.quarantineDir ?? '（复制失败，原文件保留在原处未做任何改动）'}，请勿删除，可交技术人员抢救。</div>
              <div>处理办法：在下表中选择一份备份点击“恢复”；或用“导入加密备份”从U盘取回备份后再恢复。</div>
            </>
          }
        />
      )}
      {check && (
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setCheck(null)}
          title={`${check.mode === 'full' ? '完整性检查' : '快速检查'}${check.ok ? '通过' : '未通过'}（${chinaDateTime(check.checkedAt)}）`}
          description={check.ok ? undefined : [...check.messages.slice(0, 5), check.foreignKeyProblems ? `外键问题 ${check.foreignKeyProblems} 处` : ''].filter(Boolean).join('；')}
        />
      )}
      <Card size="small" title="本机备份" extra={<Typography.Text type="secondary">保存位置：{status?.backupDir}</Typography.Text>}>
        <Typography.Paragraph className="gl-muted">
          每天第一次启动、每次导入和恢复之前会自动备份；每份备份都经过完整性校验。保留规则：最近 24 小时内最多 10 份，30 天内每天 1 份，12 个月内每月 1 份，最新一份完好备份永不删除。
        </Typography.Paragraph>
        <Table<BackupInfo>
          data-testid="backups-table"
          rowKey="id"
          size="small"
          dataSource={status?.backups ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '备份时间', dataIndex: 'createdAt', width: 150, render: (v: string) => chinaDateTime(v) },
            { title: '类型', dataIndex: 'reason', width: 190, render: (r: BackupInfo['reason']) => BACKUP_REASON_LABELS[r] },
            { title: '农户数', dataIndex: 'households', width: 80, render: (n: number | null) => n ?? '—' },
            { title: '大小', dataIndex: 'sizeBytes', width: 90, render: mb },
            { title: '校验', dataIndex: 'verified', width: 80, render: (ok: boolean) => (ok ? <Tag color="green">已校验</Tag> : <Tag>未校验</Tag>) },
            {
              title: '操作',
              render: (_v, b) => (
                <Space size={0}>
                  <Button type="link" size="small" danger loading={busy === `restore-${b.id}`} onClick={() => restore(b)}>
                    恢复
                  </Button>
                  <Button type="link" size="small" onClick={() => seal.open(b.id)}>
                    加密导出
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <BackupTransfer onChanged={() => void reload()} readOnly={!!status?.readOnly} />
      {seal.element}
    </div>
  );
}
