import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HouseholdEvent } from '../../../../shared/api/methods/householdEvents';
import type { Member } from '../../../../shared/api/schemas/household';
import { ageOn, maskIdNumber } from '../../../../shared/domain/idCard';
import { gradeUnconfirmed } from '../../../../shared/domain/schoolYear';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { EventDrawer } from '../register/events/EventDrawer';
import { EventTimeline } from '../register/events/EventTimeline';
import type { HouseholdTabProps } from './tabs';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** 家庭成员: current members, former members (kept as history) and the dated 人口变更 timeline. */
export function MembersTab({ household, reload }: HouseholdTabProps) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const full = session.can('pii.full');
  const canWrite = session.can('register.write');
  const [events, setEvents] = useState<HouseholdEvent[]>([]);
  const [today, setToday] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);

  const loadEvents = useCallback(async () => {
    const r = await api.result('householdEvents.list', { householdId: household.id });
    if (r.ok) {
      setEvents(r.value.events);
      setToday(r.value.today);
    }
  }, [household.id]);
  useEffect(() => {
    void loadEvents();
  }, [loadEvents, household.rowVersion]);

  const school = (m: Member) => {
    if (!m.schoolStage) return m.outOfSchoolReason ? <Tooltip title={m.outOfSchoolReason}>不在校</Tooltip> : '—';
    const text = `${m.schoolStage}${m.schoolGrade ? `${m.schoolGrade}年级` : ''}`;
    if (!today || !gradeUnconfirmed(m, today)) return text;
    return (
      <Space size={4}>
        {text}
        <Tooltip title="本学年尚未确认年级，请在“人员名册 → 年级升级”中确认">
          <Tag color="warning">年级未确认</Tag>
        </Tooltip>
      </Space>
    );
  };
  const columns = [
    { title: '姓名', dataIndex: 'name', render: (v: string, m: Member) => (m.isHead ? <b>{v}</b> : v) },
    { title: '与户主关系', dataIndex: 'relation' },
    { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null) => (v ? (full ? v : maskIdNumber(v, session.profile.privacy.idMaskPattern)) : '—') },
    { title: '性别', dataIndex: 'sex', render: dash },
    { title: '年龄', render: (_: unknown, m: Member) => (m.birthDate && today ? ageOn(m.birthDate, today) : '—') },
    { title: '民族', dataIndex: 'ethnicity', render: dash },
    { title: '文化程度', dataIndex: 'education', render: dash },
    { title: '健康状况', render: (_: unknown, m: Member) => (m.health ? `${m.health}${m.disabilityGrade ? `（${m.disabilityGrade}）` : ''}` : '—') },
    { title: '劳动技能', dataIndex: 'labourSkill', render: dash },
    { title: '在校情况', render: (_: unknown, m: Member) => school(m) },
    { title: '务工', render: (_: unknown, m: Member) => (m.workPlace || m.workMonths ? `${m.workPlace ?? ''}${m.workMonths ? ` ${m.workMonths}个月` : ''}` : '—') },
    { title: '医保', dataIndex: 'insuredMedical', render: (v: boolean) => (v ? <Tag color="green">已参保</Tag> : <Tag color="red">未参保</Tag>) },
    { title: '加入日期', dataIndex: 'joinedAt', render: dash },
  ];

  const revoke = async (e: HouseholdEvent, reason: string) => {
    try {
      const r = await api.call('householdEvents.revoke', { id: e.id, reason });
      void message.success('已撤销该变更，成员状态已恢复。');
      if (r.incomeRecomputed.length) modal.info({ title: '已按恢复后的人口数重算收入核算', content: r.incomeRecomputed.map((x) => <p key={x.accountId}>{x.message}</p>) });
      await reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Table<Member> rowKey="id" size="small" pagination={false} dataSource={household.members} columns={columns} scroll={{ x: 'max-content' }} data-testid="members-table" />
      {household.formerMembers.length > 0 && (
        <Card size="small" title="已减员成员（历史，不删除）">
          <Table<Member>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={household.formerMembers}
            columns={[...columns.slice(0, 4), { title: '加入日期', dataIndex: 'joinedAt', render: dash }, { title: '减员日期', dataIndex: 'leftAt' }, { title: '原因', dataIndex: 'leftReason' }]}
          />
        </Card>
      )}
      <Card
        size="small"
        title="人口变更记录（自然变更）"
        extra={
          canWrite &&
          household.status !== 'cancelled' &&
          today && (
            <Button type="primary" onClick={() => setRecording(true)}>
              登记人口变更
            </Button>
          )
        }
      >
        <EventTimeline events={events} canRevoke={canWrite} onRevoke={revoke} />
        <div className="gl-muted" style={{ fontSize: 12 }}>
          字段级修改记录见“变更历史”页签。
        </div>
      </Card>
      {today && (
        <EventDrawer
          open={recording}
          household={household}
          today={today}
          onClose={() => setRecording(false)}
          onDone={(newHouseholdId) => {
            setRecording(false);
            void reload();
            if (newHouseholdId) {
              modal.confirm({ title: '分户完成', content: '新户已建立，是否现在打开新户档案补充住房、耕地等信息？', okText: '打开新户', cancelText: '留在本户', onOk: () => navigate(`/household/${newHouseholdId}`) });
            }
          }}
        />
      )}
    </Space>
  );
}
