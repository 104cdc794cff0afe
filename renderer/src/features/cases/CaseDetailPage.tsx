import { Alert, Card, Col, Descriptions, Result, Row, Space, Spin, Steps, Tag } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas/procedures';
import { CASE_KIND_LABELS, stepIndex, stepsOf } from '../../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type ProcedureAction, type StepKey } from '../../../../shared/domain/workflow/rules';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ColourTag } from '../common/ColourTag';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { CriteriaPanel } from './CriteriaPanel';
import { DueTag, useLoad } from './procedureUi';
import { StepForm } from './StepForm';

/** 办理详情: the steps, the form for the awaiting one, the other acts, the timeline. */
export function CaseDetailPage({ params }: { params: Record<string, string> }) {
  const [override, setOverride] = useState<CaseDetail | null>(null);
  const { data: loaded, loading, reload } = useLoad(() => api.call('cases.get', { id: params.id }), [params.id]);
  const detail = override && override.id === params.id ? override : loaded;
  const refresh = (d: CaseDetail) => {
    setOverride(d);
    void reload();
  };
  if (!detail) return loading ? <Spin style={{ marginTop: 80, width: '100%' }} /> : <Result status="warning" title="未找到该案件" />;
  return <CaseView detail={detail} onChange={refresh} />;
}

function CaseView({ detail, onChange }: { detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const session = useSession();
  const steps = stepsOf(detail.kind);
  const current = detail.currentStep ? stepIndex(detail.kind, detail.currentStep as StepKey) : steps.length;
  const perms = session.profile.procedure.actionPermissions as Record<ProcedureAction, readonly string[]>;
  const mayAct = detail.currentStep !== null && (perms[detail.currentStep as StepKey] ?? []).some((p) => session.can(p));
  const state = detail.state;
  const openStep = detail.deadlines.steps.find((s) => s.state === 'open');

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <Space size="middle" align="center">
          <h2 data-testid="case-title">
            {detail.remark ? '风险再标注' : CASE_KIND_LABELS[detail.kind]}：<a onClick={() => navigate(`/household/${detail.householdId}`)}>{detail.headName}户</a>
          </h2>
          <ColourTag colour={detail.colour} />
          <Tag color={detail.status === 'open' ? 'processing' : 'default'} data-testid="case-outcome">
            {detail.outcomeLabel}
          </Tag>
          {detail.greenChannel && <Tag color="green">绿色通道</Tag>}
        </Space>
        <CaseActions detail={detail} onDone={onChange} />
      </div>
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label="村/组">
          {detail.villageName}
          {detail.groupName ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="发起日期">{detail.openedOn}</Descriptions.Item>
        <Descriptions.Item label="当前步骤">{detail.currentStepLabel ?? '已办结'}</Descriptions.Item>
        <Descriptions.Item label="本步时限">{detail.status === 'open' ? <DueTag due={openStep?.due ?? null} status={detail.stepDue === detail.nextDue ? detail.dueStatus : null} /> : '—'}</Descriptions.Item>
        {detail.kind === 'identification' && <Descriptions.Item label="全程时限">{detail.wholeDue ?? '—'}</Descriptions.Item>}
        {detail.greenDue && <Descriptions.Item label="绿色通道补齐时限">{detail.greenDue}</Descriptions.Item>}
        {detail.mode && <Descriptions.Item label="消除方式">{detail.mode}</Descriptions.Item>}
        {detail.closedOn && <Descriptions.Item label="办结日期">{detail.closedOn}</Descriptions.Item>}
      </Descriptions>
      <Steps
        size="small"
        current={current}
        status={detail.outcome === 'rejected' || detail.outcome === 'notEliminated' || detail.outcome === 'withdrawn' ? 'error' : undefined}
        items={steps.map((s) => ({ title: STEP_LABELS[s] }))}
      />
      <Row gutter={16}>
        <Col span={14}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {detail.status === 'open' && mayAct && <StepForm detail={detail} onDone={onChange} />}
            {detail.status === 'open' && !mayAct && <Alert type="info" showIcon title={`当前步骤「${detail.currentStepLabel}」不由您的角色办理。`} />}
            {detail.objections.length > 0 && (
              <Card size="small" title="公示异议">
                {detail.objections.map((o) => (
                  <p key={o.id}>
                    <Tag color={o.resolved ? 'success' : 'warning'}>{o.resolved ? '已处理' : '未处理'}</Tag>
                    {o.date}：{o.content}
                    {o.result ? ` —— ${o.result}` : ''}
                  </p>
                ))}
                {detail.objections.some((o) => !o.resolved) && <a onClick={() => navigate('/notices')}>去公示管理处理异议 →</a>}
              </Card>
            )}
            {state.kind === 'elimination' && <CriteriaPanel report={state.criteria} title="发起时的风险消除条件检查" />}
            {state.kind === 'elimination' && state.override && <Alert type="warning" showIcon title={`条件特批：${state.override.reason}（${state.override.by.name}）`} />}
          </Space>
        </Col>
        <Col span={10}>
          <Card size="small" title="办理经过">
            <CaseTimeline state={state} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
