import { Table, Tag } from 'antd';
import type { Member } from '../../../../shared/api/schemas/household';
import { maskIdNumber } from '../../../../shared/domain/idCard';
import { useSession } from '../../app/session';
import type { HouseholdTabProps } from './tabs';

export function MembersTab({ household }: HouseholdTabProps) {
  const session = useSession();
  const full = session.can('pii.full');
  const columns = [
    { title: '姓名', dataIndex: 'name', render: (v: string, m: Member) => (m.isHead ? <b>{v}</b> : v) },
    { title: '与户主关系', dataIndex: 'relation' },
    { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null) => (v ? (full ? v : maskIdNumber(v)) : '—') },
    { title: '性别', dataIndex: 'sex' },
    { title: '出生日期', dataIndex: 'birthDate' },
    { title: '健康状况', dataIndex: 'health', render: (v: string | null) => v ?? '—' },
    { title: '劳动技能', dataIndex: 'labourSkill', render: (v: string | null) => v ?? '—' },
    { title: '在校情况', render: (_: unknown, m: Member) => (m.schoolStage ? `${m.schoolStage}${m.schoolGrade ? `${m.schoolGrade}年级` : ''}` : '—') },
    { title: '医保', dataIndex: 'insuredMedical', render: (v: boolean) => (v ? <Tag color="green">已参保</Tag> : <Tag color="red">未参保</Tag>) },
  ];
  return (
    <>
      <Table<Member> rowKey="id" size="small" pagination={false} dataSource={household.members} columns={columns} />
      {household.formerMembers.length > 0 && (
        <>
          <h4 style={{ marginTop: 16 }}>已迁出/减员成员（历史）</h4>
          <Table<Member>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={household.formerMembers}
            columns={[...columns.slice(0, 3), { title: '减员日期', dataIndex: 'leftAt' }, { title: '原因', dataIndex: 'leftReason' }]}
          />
        </>
      )}
    </>
  );
}
