import { Alert, App, Button, Card, Descriptions, Drawer, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/methods/meetings';
import { effectiveItems, type AgendaItem } from '../../../../shared/domain/meeting';
import { CASE_KIND_LABELS } from '../../../../shared/domain/workflow/caseState';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { chinaTime, useConfirm, useLoad } from '../cases/procedureUi';
import { AddendumPanel } from './AddendumPanel';
import { MeetingEditor } from './MeetingEditor';
import { SignaturePanel } from './SignaturePanel';

/** 会议详情 (or a new meeting at /meeting/new): content, per-attendee signing, lock and hash, addenda. */
export function MeetingDetailPage({ params }: { params: Record<string, string> }) {
  const today = useLoad(() => api.call('meetings.list', { filter: {}, startRow: 0, endRow: 1 }).then((r) => r.today), []);
  if (params.id === 'new') {
    if (!today.data) return <Spin style={{ marginTop: 80, width: '100%' }} />;
    return (
      <div className="gl-page">
        <div className="gl-page-header">
          <h2>新建评议会议记录</h2>
        </div>
        <MeetingEditor today={today.data} onSaved={(d) => navigate(`/meeting/${d.id}`)} />
      </div>
    );
  }
  return <ExistingMeeting id={params.id} today={today.data ?? ''} />;
}

function ExistingMeeting({ id, today }: { id: string; today: string }) {
  const session = useSession();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [current, setCurrent] = useState<MeetingDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const { data, loading } = useLoad(() => api.call('meetings.get', { id }), [id]);
  const d = current && current.id === id ? current : data;
  if (!d) return loading ? <Spin style={{ marginTop: 80, width: '100%' }} /> : <Result status="warning" title="未找到该会议记录" />;
  const m = d.meeting;
  const canWrite = session.can('meetings.write');
  const signed = m.signatures.length;

  const clear = async () => {
    if (!(await confirm('撤销全部签字？', `已有 ${signed} 人签字。撤销后可修改内容，修改后须全部重新签字。签字记录保留并标记为已撤销。`, '撤销签字'))) return;
    try {
      setCurrent(await api.call('meetings.clearSignatures', { meetingId: d.id, reason: '更正会议记录内容' }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <Space align="center">
          <h2 data-testid="meeting-title">
            {m.date} {m.villageName}民主评议会
          </h2>
          {d.locked ? <Tag color="success" data-testid="meeting-locked">已锁定</Tag> : <Tag color="warning">签字中 {signed}/{m.attendees.length}</Tag>}
        </Space>
        {canWrite && (
          <Space>
            {signed > 0 && !d.locked && <Button onClick={() => void clear()}>撤销签字</Button>}
            <Button onClick={() => setEditing(true)}>修改会议记录</Button>
          </Space>
        )}
      </div>
      {d.locked && d.lockHash && (
        <Alert
          type="success"
          showIcon
          data-testid="lock-hash"
          title={
            <span>
              全部参会人员已签字，会议记录于 {chinaTime(d.lockedAt)} 锁定，内容不能再修改。校验码（SHA-256）：<Typography.Text code copyable>{d.lockHash}</Typography.Text>
            </span>
          }
        />
      )}
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label="时间">
          {m.date} {m.time ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
        <Descriptions.Item label="主持人">{m.host}</Descriptions.Item>
        <Descriptions.Item label="记录人">{m.recorder}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title="逐户评议结果">
        <Table<AgendaItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={effectiveItems(m)}
          columns={[
            { title: '户主', dataIndex: 'headName', render: (v: string, i) => <a onClick={() => navigate(`/case/${i.caseId}`)}>{v}</a> },
            { title: '村民小组', dataIndex: 'villageGroup' },
            { title: '事项', dataIndex: 'caseKind', render: (k: AgendaItem['caseKind']) => CASE_KIND_LABELS[k] },
            { title: '拟认定类别/消除方式', dataIndex: 'proposal' },
            { title: '同意', render: (_: unknown, i) => i.votes.agree },
            { title: '不同意', render: (_: unknown, i) => i.votes.disagree },
            { title: '弃权', render: (_: unknown, i) => i.votes.abstain },
            { title: '结果', dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'pass' ? 'success' : 'error'}>{o === 'pass' ? '通过' : '不通过'}</Tag> },
          ]}
        />
      </Card>
      {d.minutesText && (
        <Card size="small" title="会议内容">
          <div style={{ whiteSpace: 'pre-wrap' }}>{d.minutesText}</div>
        </Card>
      )}
      <Card size="small" title="参会人员签字">
        <SignaturePanel detail={d} attendees={m.attendees} signatures={m.signatures} canSign={canWrite && !d.locked} onChange={setCurrent} />
      </Card>
      {d.locked && <AddendumPanel detail={d} today={today} canWrite={canWrite} onChange={setCurrent} />}
      <Drawer title="修改会议记录" open={editing} onClose={() => setEditing(false)} width={980} destroyOnHidden>
        <MeetingEditor
          existing={d}
          today={today}
          onSaved={(saved) => {
            setEditing(false);
            setCurrent(saved);
          }}
        />
      </Drawer>
    </div>
  );
}
