import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { describeCondition } from '../../../../shared/domain/grading';
import type { Profile } from '../../../../shared/domain/profile';
import { api, ApiCallError } from '../../api/client';
import { useSession } from '../../app/session';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';
import { IncomeLinesEditor } from './IncomeLinesEditor';
import { OfficeForm } from './OfficeForm';
import { ProfileJsonEditor } from './ProfileJsonEditor';

type Numbers = {
  publicNoticeDays: number;
  publicNoticeDayKind: 'calendar' | 'working';
  wholeProcedureWorkingDays: number;
  minVerifiers: number;
  leadContactHours: number;
  eliminationMinMonths: number;
  followUpCadence: 'weekly' | 'monthly' | 'quarterly';
  escalationMonths: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  idleMinutes: number;
};

/**
 * 地方口径: the numbers and lists a province or county sets. The common ones have a form; everything
 * else (lists, the grading rule table) is in the full JSON, checked item by item before it is saved.
 */
export function ProfilePage() {
  const session = useSession();
  const { message } = App.useApp();
  const [issues, setIssues] = useState<string[]>([]);
  const p = session.profile;

  const save = async (next: Profile) => {
    setIssues([]);
    try {
      await api.call('settings.saveProfile', { profile: next as unknown as Record<string, unknown> });
      await session.reloadProfile();
      void message.success('地方口径已保存');
    } catch (e) {
      if (e instanceof ApiCallError && e.issues.length) setIssues(e.issues.map((i) => i.message));
      else void message.error(errorText(e));
    }
  };

  const saveNumbers = (v: Numbers) =>
    save({
      ...p,
      procedure: { ...p.procedure, publicNoticeDays: v.publicNoticeDays, publicNoticeDayKind: v.publicNoticeDayKind, wholeProcedureWorkingDays: v.wholeProcedureWorkingDays, minVerifiers: v.minVerifiers, leadContactHours: v.leadContactHours, eliminationMinMonths: v.eliminationMinMonths },
      assistance: { ...p.assistance, followUpCadence: v.followUpCadence, escalationMonths: v.escalationMonths },
      security: { ...p.security, lockoutAttempts: v.lockoutAttempts, lockoutMinutes: v.lockoutMinutes, idleMinutes: v.idleMinutes },
    });

  const numbers: Numbers = { ...p.procedure, ...p.assistance, ...p.security };
  const num = (name: keyof Numbers, label: string, min: number, max: number, unit: string) => (
    <Col span={8} key={name}>
      <Form.Item label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]}>
        <InputNumber min={min} max={max} addonAfter={unit} style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    </Col>
  );

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>地方口径</h2>
        <Typography.Text type="secondary">
          {p.office.profileName} · 版本 {p.office.profileVersion}
          {p.office.basis ? ` · 依据 ${p.office.basis}` : ''}
        </Typography.Text>
      </div>
      {issues.length > 0 && <Alert type="error" showIcon title="未保存：地方口径有以下问题，请修改后再保存" description={<ul style={{ margin: 0 }}>{issues.map((i) => <li key={i}>{i}</li>)}</ul>} />}
      <Tabs
        items={[
          { key: 'office', label: '单位信息', children: <OfficeForm /> },
          { key: 'income', label: '收入标准', children: <IncomeLinesEditor lines={p.income.lines} onSave={(lines) => save({ ...p, income: { ...p.income, lines } })} /> },
          {
            key: 'numbers',
            label: '办理时限与安全',
            children: (
              <Form<Numbers> layout="vertical" initialValues={numbers} onFinish={(v) => void saveNumbers(v)}>
                <Card size="small" title="识别与消除程序">
                  <Row gutter={16}>
                    {num('leadContactHours', '线索核实时限', 1, 240, '小时')}
                    {num('publicNoticeDays', '公示天数', 5, 7, '天')}
                    <Col span={8}>
                      <Form.Item label="公示天数计法" name="publicNoticeDayKind">
                        <Select options={[{ value: 'calendar', label: '自然日' }, { value: 'working', label: '工作日' }]} />
                      </Form.Item>
                    </Col>
                    {num('wholeProcedureWorkingDays', '识别纳入总时限', 5, 60, '个工作日')}
                    {num('minVerifiers', '入户核实最少人数', 2, 10, '人')}
                    {num('eliminationMinMonths', '纳入后最早可消除', 1, 36, '个月')}
                  </Row>
                </Card>
                <Card size="small" title="帮扶跟踪" style={{ marginTop: 12 }}>
                  <Row gutter={16}>
                    <Col span={8}>
                      <Form.Item label="走访频次" name="followUpCadence">
                        <Select options={[{ value: 'weekly', label: '每周' }, { value: 'monthly', label: '每月' }, { value: 'quarterly', label: '每季度' }]} />
                      </Form.Item>
                    </Col>
                    {num('escalationMonths', '风险未消除升级提醒', 1, 24, '个月')}
                  </Row>
                </Card>
                <Card size="small" title="账号安全" style={{ marginTop: 12 }}>
                  <Row gutter={16}>
                    {num('lockoutAttempts', '连续输错锁定次数', 3, 20, '次')}
                    {num('lockoutMinutes', '锁定时长', 1, 1440, '分钟')}
                    {num('idleMinutes', '无操作自动退出', 1, 240, '分钟')}
                  </Row>
                </Card>
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" htmlType="submit" disabled={!session.can('settings.write')}>
                    保存
                  </Button>
                </Space>
              </Form>
            ),
          },
          {
            key: 'grading',
            label: '评级规则',
            children: (
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                pagination={false}
                dataSource={[...p.grading.rules, { colour: p.grading.defaultColour, label: `${p.grading.defaultLabel}（以上都不符合时）`, when: null }]}
                columns={[
                  { title: '顺序', render: (_: unknown, __: unknown, i: number) => i + 1, width: 60 },
                  { title: '颜色', dataIndex: 'colour', width: 90, render: (c: string) => <ColourTag colour={c} /> },
                  { title: '说明', dataIndex: 'label' },
                  { title: '条件', dataIndex: 'when', render: (w: Parameters<typeof describeCondition>[0] | null) => (w ? describeCondition(w) : '—') },
                ]}
                footer={() => '按顺序判断，第一条符合的规则决定颜色。修改规则请在“完整设置”中编辑。'}
              />
            ),
          },
          { key: 'json', label: '完整设置（高级）', children: <ProfileJsonEditor profile={p} onSave={save} /> },
        ]}
      />
    </div>
  );
}
