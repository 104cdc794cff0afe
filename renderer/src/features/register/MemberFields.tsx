import { Button, Card, Checkbox, Col, Collapse, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../../app/session';

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** One labelled field of member `i`, in a grid column. */
function Field({ index, name, label, span = 6, children }: { index: number; name: string; label: string; span?: number; children: ReactNode }) {
  return (
    <Col span={span}>
      <Form.Item label={label} name={[index, name]}>
        {children}
      </Form.Item>
    </Col>
  );
}

/**
 * The member list inside the household form: one card per person, 户主 first. The basics are always shown; the
 * rest of the national member fields (民族, 政治面貌, 文化程度, 残疾, 务工, 公益性岗位, 参保…) sit in "更多信息".
 */
export function MemberFields() {
  const { profile } = useSession();
  const e = profile.enums;
  const form = Form.useFormInstance();
  // A grade typed here is a new fact: the confirmation of an older school year no longer applies, so it is cleared
  // and the backend records the school year it was entered in (students never stay silently "confirmed").
  const schoolChanged = (index: number) => form.setFieldValue(['members', index, 'schoolYearConfirmed'], undefined);
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
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
                <Field index={f.name} name="idType" label="证件类型" span={4}>
                  <Select options={opts(['居民身份证', '残疾人证', '户口簿', '护照', '其他'])} placeholder="居民身份证" allowClear />
                </Field>
                <Col span={8}>
                  <Form.Item label="证件号码" name={[f.name, 'idNumber']}>
                    <Input aria-label={`成员${i + 1}证件号码`} maxLength={22} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="与户主关系" name={[f.name, 'relation']} rules={[{ required: true, message: '请选择与户主关系' }]}>
                    <Select aria-label={`成员${i + 1}与户主关系`} options={opts(e.relationsToHead)} showSearch />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Field index={f.name} name="health" label="健康状况">
                  <Select allowClear options={opts(e.healthStatuses)} />
                </Field>
                <Field index={f.name} name="labourSkill" label="劳动技能">
                  <Select allowClear options={e.labourSkills.map((l) => ({ value: l.label, label: l.label }))} />
                </Field>
                <Field index={f.name} name="schoolStage" label="在校生学段">
                  <Select allowClear aria-label={`成员${i + 1}学段`} options={e.schoolStages.map((s) => ({ value: s.label, label: s.label }))} onChange={() => schoolChanged(f.name)} />
                </Field>
                <Field index={f.name} name="schoolGrade" label="年级">
                  <InputNumber min={1} max={12} style={{ width: '100%' }} onChange={() => schoolChanged(f.name)} />
                </Field>
              </Row>
              <Space wrap style={{ marginBottom: 8 }}>
                {(
                  [
                    ['insuredMedical', '城乡居民基本医疗保险'],
                    ['insuredCritical', '大病保险'],
                    ['insuredPension', '基本养老保险'],
                    ['dibao', '低保'],
                    ['tekun', '特困'],
                  ] as const
                ).map(([name, label]) => (
                  <Form.Item key={name} name={[f.name, name]} valuePropName="checked" noStyle>
                    <Checkbox>{label}</Checkbox>
                  </Form.Item>
                ))}
              </Space>
              <Collapse
                size="small"
                ghost
                items={[{ key: 'more', label: '更多信息（民族、政治面貌、文化程度、残疾、务工、公益性岗位、未上学原因、电话）', forceRender: true, children: <MoreFields index={f.name} /> }]}
              />
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

/** The less frequent national member fields, all from the 地方口径 lists. */
function MoreFields({ index }: { index: number }) {
  const { profile } = useSession();
  const e = profile.enums;
  return (
    <>
      <Row gutter={12}>
        <Field index={index} name="ethnicity" label="民族">
          <Select allowClear showSearch options={opts(e.ethnicities)} />
        </Field>
        <Field index={index} name="politicalStatus" label="政治面貌">
          <Select allowClear options={opts(e.politicalStatuses)} />
        </Field>
        <Field index={index} name="education" label="文化程度">
          <Select allowClear options={opts(e.educationLevels)} />
        </Field>
        <Field index={index} name="phone" label="本人电话">
          <Input maxLength={30} />
        </Field>
      </Row>
      <Row gutter={12}>
        <Field index={index} name="disabilityGrade" label="残疾等级">
          <Select allowClear options={opts(e.disabilityGrades)} />
        </Field>
        <Field index={index} name="disabilityCertNo" label="残疾证号" span={10}>
          <Input maxLength={22} placeholder="20 或 22 位" />
        </Field>
        <Field index={index} name="outOfSchoolReason" label="义务教育阶段未上学原因" span={8}>
          <Select allowClear options={opts(e.outOfSchoolReasons)} />
        </Field>
      </Row>
      <Row gutter={12}>
        <Field index={index} name="workPlace" label="务工地点">
          <Input maxLength={100} placeholder="省市县" />
        </Field>
        <Field index={index} name="workEmployer" label="务工企业">
          <Input maxLength={100} />
        </Field>
        <Field index={index} name="workMonths" label="务工时间（月）">
          <InputNumber min={0} max={12} style={{ width: '100%' }} />
        </Field>
        <Field index={index} name="publicWelfareJobMonths" label="公益性岗位（月数）">
          <InputNumber min={0} max={12} style={{ width: '100%' }} />
        </Field>
      </Row>
    </>
  );
}
