import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useSession } from '../../app/session';

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** The member list inside the household form: one card per person, 户主 first. */
export function MemberFields() {
  const { profile } = useSession();
  const e = profile.enums;
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`成员 ${i + 1}`}
              extra={
                fields.length > 1 && (
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    删除（仅限误录）
                  </Button>
                )
              }
              data-testid={`member-card-${i}`}
            >
              <Form.Item name={[f.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item label="姓名" name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input aria-label={`成员${i + 1}姓名`} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="证件号码" name={[f.name, 'idNumber']}>
                    <Input aria-label={`成员${i + 1}证件号码`} maxLength={22} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="与户主关系" name={[f.name, 'relation']} rules={[{ required: true, message: '请选择与户主关系' }]}>
                    <Select aria-label={`成员${i + 1}与户主关系`} options={opts(e.relationsToHead)} showSearch />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item label="健康状况" name={[f.name, 'health']}>
                    <Select allowClear options={opts(e.healthStatuses)} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="劳动技能" name={[f.name, 'labourSkill']}>
                    <Select allowClear options={e.labourSkills.map((l) => ({ value: l.label, label: l.label }))} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="在校生学段" name={[f.name, 'schoolStage']}>
                    <Select allowClear options={e.schoolStages.map((s) => ({ value: s.label, label: s.label }))} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="年级" name={[f.name, 'schoolGrade']}>
                    <InputNumber min={0} max={12} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Space wrap>
                <Form.Item name={[f.name, 'insuredMedical']} valuePropName="checked" noStyle>
                  <Checkbox>城乡居民基本医疗保险</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'insuredCritical']} valuePropName="checked" noStyle>
                  <Checkbox>大病保险</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'insuredPension']} valuePropName="checked" noStyle>
                  <Checkbox>基本养老保险</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'dibao']} valuePropName="checked" noStyle>
                  <Checkbox>低保</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'tekun']} valuePropName="checked" noStyle>
                  <Checkbox>特困</Checkbox>
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Button onClick={() => add({ relation: undefined, insuredMedical: true })} block>
            添加家庭成员
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
