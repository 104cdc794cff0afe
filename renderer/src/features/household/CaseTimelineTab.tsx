import { Button, Card, Empty, List, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas/procedures';
import { CASE_KIND_LABELS } from '../../../../shared/domain/workflow/caseState';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { CaseTimeline } from '../cases/CaseTimeline';
import { OpenCaseModal } from '../cases/OpenCaseModal';
import { chinaTime, DueTag, useLoad } from '../cases/procedureUi';
import type { HouseholdTabProps } from './tabs';

/** 流程记录: the household's leads and cases (识别纳入, 风险消除, 回退, 再标注) with each case's timeline. */
export function CaseTimelineTab({ household }: HouseholdTabProps) {
  const session = useSession();
  const [opening, setOpening] = useState<'identification' | 'elimination' | null>(null);
  const { data, loading } = useLoad(async () => {
    const [cases, leads] = await Promise.all([
      api.call('cases.list', { filter: { householdId: household.id, status: 'all' }, startRow: 0, endRow: 100 }),
      api.call('leads.list', { filter: { householdId: household.id }, startRow: 0, endRow: 100 }),
    ]);
    const details = await Promise.all(cases.rows.map((c) => api.call('cases.get', { id: c.id })));
    return { cases: details, leads: leads.rows };
  }, [household.id, household.rowVersion]);

  if (loading && !data) return <Spin />;
  const hasOpen = (kind: 'identification' | 'elimination') => data?.cases.some((c) => c.kind === kind && c.status === 'open') ?? false;
  const canAct = session.can('cases.village');
  const status = household.status;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-timeline-tab">
      {canAct && (
        <Space>
          {(status === 'normal' || status === 'eliminated') && !hasOpen('identification') && <Button onClick={() => setOpening('identification')}>{status === 'eliminated' ? '风险再标注（重新识别纳入）' : '发起识别纳入'}</Button>}
          {status === 'monitoring' && !hasOpen('elimination') && <Button onClick={() => setOpening('elimination')}>发起风险消除（先检查条件）</Button>}
        </Space>
      )}
      {data && data.cases.length === 0 && data.leads.length === 0 && <Empty description="该户还没有线索或识别纳入、风险消除记录。" />}
      {data?.cases.map((c) => <CaseCard key={c.id} c={c} />)}
      {data && data.leads.length > 0 && (
        <Card size="small" title="线索">
          <List
            size="small"
            dataSource={data.leads}
            renderItem={(l) => (
              <List.Item>
                {chinaTime(l.receivedAt)} · {l.channelLabel} · {l.summary} <Tag style={{ marginLeft: 8 }}>{l.statusLabel}</Tag>
                {l.status === 'awaitingContact' && <DueTag due={l.contactDueAt} status={l.dueStatus} time />}
              </List.Item>
            )}
          />
        </Card>
      )}
      {opening && <OpenCaseModal kind={opening} open householdId={household.id} onClose={() => setOpening(null)} />}
    </Space>
  );
}

function CaseCard({ c }: { c: CaseDetail }) {
  const [expanded, setExpanded] = useState(c.status === 'open');
  return (
    <Card
      size="small"
      title={
        <Space>
          {c.remark ? '风险再标注' : CASE_KIND_LABELS[c.kind]}
          <Tag color={c.status === 'open' ? 'processing' : 'default'}>{c.outcomeLabel}</Tag>
          {c.currentStepLabel && <span>当前：{c.currentStepLabel}</span>}
          {c.status === 'open' && <DueTag due={c.nextDue} status={c.dueStatus} />}
        </Space>
      }
      extra={
        <Space>
          <a onClick={() => setExpanded((e) => !e)}>{expanded ? '收起经过' : '办理经过'}</a>
          <a onClick={() => navigate(`/case/${c.id}`)}>{c.status === 'open' ? '去办理' : '查看'}</a>
        </Space>
      }
    >
      {c.openedOn} 发起{c.closedOn ? `，${c.closedOn} 办结` : ''}
      {expanded && (
        <div style={{ marginTop: 12 }}>
          <CaseTimeline state={c.state} />
        </div>
      )}
    </Card>
  );
}
