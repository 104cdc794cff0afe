import { Card, Col, Descriptions, List, Row, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { describeCondition } from '../../../../shared/domain/grading';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { GradeHistory } from '../register/assessment/GradeHistory';
import { GradeTag } from '../register/assessment/GradeTag';
import type { HouseholdTabProps } from './tabs';

/** 风险与类别: the current colour and 风险类型 (with sub-types), the 监测对象类别, grade history and the rule table. */
export function RisksTab({ household }: HouseholdTabProps) {
  const { profile } = useSession();
  const [data, setData] = useState<Output<'assessments.list'> | null>(null);
  useEffect(() => {
    void api.result('assessments.list', { householdId: household.id }).then((r) => r.ok && setData(r.value));
  }, [household.id, household.rowVersion]);
  const latest = data?.assessments[0];
  const risks = latest?.risks ?? household.riskTypes.map((type) => ({ type, subType: null }));
  const status = profile.enums.householdStatusLabels as Record<string, string>;
  const table = profile.grading;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title="当前风险情况">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="风险颜色">
                <GradeTag colour={household.colour} /> {latest && <span className="gl-muted">（{latest.date} 评估）</span>}
              </Descriptions.Item>
              <Descriptions.Item label="风险类型">
                {risks.length ? risks.map((r) => <Tag key={r.type}>{r.subType ? `${r.type}（${r.subType}）` : r.type}</Tag>) : '无'}
              </Descriptions.Item>
              <Descriptions.Item label="监测对象类别">{household.category ?? '非监测对象'}</Descriptions.Item>
              <Descriptions.Item label="状态">{status[household.status] ?? household.status}</Descriptions.Item>
              <Descriptions.Item label="纳入监测日期">{household.monitoredSince ?? '—'}</Descriptions.Item>
              {latest && <Descriptions.Item label="评级依据">{latest.reason}</Descriptions.Item>}
            </Descriptions>
            <div className="gl-muted" style={{ fontSize: 12, marginTop: 8 }}>
              风险类型与颜色随“三保障评估”更新；监测对象类别由识别纳入程序（县级审定）确定。
            </div>
          </Card>
          <Card size="small" title="评级历史">
            <GradeHistory grades={data?.grades ?? []} />
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="评级规则（地方口径，自上而下第一条符合的规则决定颜色）">
          <List
            size="small"
            dataSource={table.rules.map((r, i) => ({ ...r, index: i }))}
            renderItem={(r) => (
              <List.Item style={latest?.ruleIndex === r.index ? { background: '#fffbe6' } : undefined}>
                <Space orientation="vertical" size={0}>
                  <Space>
                    <GradeTag colour={r.colour} />
                    {latest?.ruleIndex === r.index && <Tag color="gold">本户最近一次评估命中</Tag>}
                  </Space>
                  <span>{r.label}</span>
                  <span className="gl-muted" style={{ fontSize: 12 }}>
                    条件：{describeCondition(r.when)}
                  </span>
                </Space>
              </List.Item>
            )}
            footer={
              <span>
                都不符合时：<GradeTag colour={table.defaultColour} /> {table.defaultLabel}
              </span>
            }
          />
        </Card>
      </Col>
    </Row>
  );
}
