import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Household } from '../../../../../shared/api/schemas/household';
import { useSession } from '../../../app/session';

// Field groups of the 人口变更 form: who joins (出生/婚入/迁入), who leaves (死亡/婚出/迁出/分户) and the new 户主.

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const HEAD = '户主';

/** The person who joins; sex and birth date come from the ID number when there is one. */
export function JoinFields({ kind }: { kind: string }) {
  const { profile } = useSession();
  const e = profile.enums;
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="姓名" name={['member', 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
            <Input aria-label="新成员姓名" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="证件号码" name={['member', 'idNumber']} extra={kind === 'birth' ? '新生儿尚未办理可不填' : '填写后自动识别性别与出生日期'}>
            <Input aria-label="新成员证件号码" maxLength={22} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="与户主关系" name={['member', 'relation']} rules={[{ required: true, message: '请选择与户主关系' }]}>
            <Select aria-label="新成员与户主关系" showSearch options={opts(e.relationsToHead.filter((r) => r !== HEAD))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label="性别（无证件号时）" name={['member', 'sex']}>
            <Select allowClear options={opts(['男', '女'])} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="民族" name={['member', 'ethnicity']}>
            <Select allowClear showSearch options={opts(e.ethnicities)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="文化程度" name={['member', 'education']}>
            <Select allowClear options={opts(e.educationLevels)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="健康状况" name={['member', 'health']}>
            <Select allowClear options={opts(e.healthStatuses)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label="劳动技能" name={['member', 'labourSkill']}>
            <Select allowClear options={e.labourSkills.map((l) => ({ value: l.label, label: l.label }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="在校生学段" name={['member', 'schoolStage']}>
            <Select allowClear options={e.schoolStages.map((s) => ({ value: s.label, label: s.label }))} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label="年级" name={['member', 'schoolGrade']}>
            <InputNumber min={1} max={12} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={kind === 'birth' ? '出生地/医院' : '迁自/来源'} name="origin">
            <Input maxLength={100} placeholder={kind === 'marriageIn' ? '如：某县某村' : ''} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['member', 'insuredMedical']} valuePropName="checked">
        <Checkbox>已参加城乡居民基本医疗保险</Checkbox>
      </Form.Item>
    </>
  );
}

/** Which current members the event concerns. */
export function MemberPicker({ household, label }: { household: Household; label: string }) {
  return (
    <Form.Item label={label} name="memberIds" rules={[{ required: true, message: `请选择${label}` }]}>
      <Checkbox.Group
        aria-label={label}
        options={household.members.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` }))}
      />
    </Form.Item>
  );
}

/**
 * When the 户主 leaves and someone stays: pick the new head, and let the clerk restate each remaining member's
 * relation to the new head (之子 may become 之孙子 …). Prefilled with today's relation.
 */
export function HeadChangeFields({ household, leavingIds }: { household: Household; leavingIds: string[] }) {
  const { profile } = useSession();
  const newHead = Form.useWatch('newHeadMemberId');
  const head = household.members.find((m) => m.isHead);
  const staying = household.members.filter((m) => !leavingIds.includes(m.id));
  if (!head || !leavingIds.includes(head.id) || !staying.length) return null;
  return (
    <>
      <Form.Item label="新户主" name="newHeadMemberId" rules={[{ required: true, message: '户主减员后请指定新户主' }]} extra="原户主减员，请从留在本户的成员中指定新户主。">
        <Select aria-label="新户主" options={staying.map((m) => ({ value: m.id, label: `${m.name}（原${m.relation}）` }))} />
      </Form.Item>
      {newHead && (
        <Row gutter={12}>
          {staying
            .filter((m) => m.id !== newHead)
            .map((m) => (
              <Col span={8} key={m.id}>
                <Form.Item label={`${m.name}与新户主关系`} name={['relationMap', m.id]} initialValue={m.relation}>
                  <Select showSearch options={opts(profile.enums.relationsToHead.filter((r) => r !== HEAD))} />
                </Form.Item>
              </Col>
            ))}
        </Row>
      )}
    </>
  );
}

/** 死亡 / 婚出 / 迁出: who, where to, the new 户主, and an explicit confirmation before the household is 注销. */
export function LeaveFields({ household, kind }: { household: Household; kind: string }) {
  const leavingIds: string[] = Form.useWatch('memberIds') ?? [];
  const everyone = leavingIds.length > 0 && leavingIds.length === household.members.length;
  return (
    <>
      <MemberPicker household={household} label={kind === 'death' ? '死亡成员' : '减员成员'} />
      <HeadChangeFields household={household} leavingIds={leavingIds} />
      {kind !== 'death' && (
        <Form.Item label={kind === 'marriageOut' ? '婚出去向' : '迁往'} name="destination">
          <Input maxLength={100} placeholder="如：某县某镇某村" />
        </Form.Item>
      )}
      {everyone && (
        <>
          <Alert type="warning" showIcon title="全部成员减员后，该户户籍将注销（历史记录保留）。" style={{ marginBottom: 12 }} />
          <Form.Item name="confirmCancel" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请勾选确认'))) }]}>
            <Checkbox>确认整户注销</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}
