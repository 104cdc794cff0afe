import { App, Button, Descriptions, Result, Space, Spin, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Household } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';
import { HouseholdFormDrawer } from '../register/HouseholdFormDrawer';
import { HOUSEHOLD_TABS } from './tabs';

/** 一户一档: everything about one household, one tab per concern (UI.md). */
export function HouseholdPage({ params }: { params: Record<string, string> }) {
  const session = useSession();
  const { message } = App.useApp();
  const [household, setHousehold] = useState<Household | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [cadres, setCadres] = useState<string>('');

  const load = useCallback(async () => {
    try {
      setHousehold(await api.call('households.get', { id: params.id }));
    } catch (e) {
      setError(errorText(e));
    }
  }, [params.id]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // 结对帮扶干部 in the header (UI.md): pairings in force today.
    void api.result('cadres.assignments', { householdId: params.id, activeOn: session.today() }).then((r) => {
      if (r.ok) setCadres(r.value.map((a) => [a.cadreName, a.cadrePhone].filter(Boolean).join(' ')).join('；'));
    });
  }, [params.id, session]);

  if (error) return <Result status="warning" title={error} />;
  if (!household) return <Spin style={{ marginTop: 80, width: '100%' }} />;
  const status = session.profile.enums.householdStatusLabels as Record<string, string>;
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <Space size="middle" align="center">
          <h2 data-testid="household-title">{household.headName}户</h2>
          <ColourTag colour={household.colour} />
          <Tag>{status[household.status] ?? household.status}</Tag>
          {household.category && <Tag color="processing">{household.category}</Tag>}
        </Space>
        <Space>
          {session.can('register.write') && (
            <Button type="primary" onClick={() => setEditing(true)}>
              修改
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={4} bordered>
        <Descriptions.Item label="村/组">
          {household.villageName}
          {household.groupName ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="户编号">{household.householdNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="户类型">{household.householdType}</Descriptions.Item>
        <Descriptions.Item label="人口">{household.members.length} 人</Descriptions.Item>
        <Descriptions.Item label="结对帮扶干部" span={4}>
          {cadres || '未结对'}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={HOUSEHOLD_TABS.filter((t) => !t.permission || session.can(t.permission)).map((t) => ({
          key: t.key,
          label: t.label,
          children: <t.component household={household} reload={load} />,
        }))}
      />
      <HouseholdFormDrawer
        open={editing}
        household={household}
        onClose={() => setEditing(false)}
        onSaved={(h) => {
          setEditing(false);
          setHousehold(h);
          void message.success('已保存');
        }}
      />
    </div>
  );
}
