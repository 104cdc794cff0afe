import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Household, HouseholdInput } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { MemberFields } from './MemberFields';
import { useDivisions } from './useDivisions';

const EMPTY_NEW = { householdType: undefined, members: [{ relation: '户主', insuredMedical: true }] };

/**
 * Create or edit a household with its members. Ctrl+S saves; field errors land on their fields.
 * `holdDivisions`: load the division tree only once opened or released (the register asks for its rows first).
 */
export function HouseholdFormDrawer({ open, household, onClose, onSaved, holdDivisions = false }: { open: boolean; household?: Household; onClose: () => void; onSaved: (h: Household) => void; holdDivisions?: boolean }) {
  const { profile } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdInput>();
  const [saving, setSaving] = useState(false);
  const { villages, groupsOf } = useDivisions({ enabled: open || !holdDivisions });
  const villageId = Form.useWatch('villageId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(household ? toInput(household) : (EMPTY_NEW as unknown as HouseholdInput));
  }, [open, household, form]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // getFieldsValue(true) keeps member fields this form does not render (education, 务工…),
    // so editing here never blanks what another screen or an import filled in.
    const values = form.getFieldsValue(true) as HouseholdInput;
    setSaving(true);
    try {
      const saved = await api.call('households.save', clean({ ...values, id: household?.id, rowVersion: household?.rowVersion }));
      void message.success(`已保存：${saved.headName}户`);
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
      else void message.error('有填写错误，请按红色提示修改后再保存。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={household ? `修改农户：${household.headName}` : '新建农户'}
      open={open}
      onClose={onClose}
      width={880}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存（Ctrl+S）
          </Button>
        </Space>
      }
    >
      <div
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Form form={form} layout="vertical" scrollToFirstError>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label="行政村" name="villageId" rules={[{ required: true, message: '请选择行政村' }]}>
                <Select aria-label="行政村" options={villages.map((v) => ({ value: v.id, label: v.name }))} onChange={() => form.setFieldValue('groupId', undefined)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="村民小组" name="groupId">
                <Select aria-label="村民小组" allowClear options={groupsOf(villageId).map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="户类型" name="householdType" rules={[{ required: true, message: '请选择户类型' }]}>
                <Select aria-label="户类型" options={profile.enums.householdTypes.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label="联系电话" name="phone">
                <Input aria-label="联系电话" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="户编号（国家系统）" name="householdNo">
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="户属性" name="flags">
                <Select mode="multiple" allowClear options={profile.enums.householdFlags.map((f) => ({ value: f.key, label: f.label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="住址" name="address">
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            {(
              [
                ['farmlandMu', '耕地面积（亩）'],
                ['forestMu', '林地面积（亩）'],
                ['grainForGreenMu', '退耕还林面积（亩）'],
                ['housingAreaM2', '住房面积（㎡）'],
              ] as const
            ).map(([name, label]) => (
              <Col span={5} key={name}>
                <Form.Item label={label} name={name}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
            <Col span={4}>
              <Form.Item label="危房等级" name="dangerousHouseGrade" tooltip="C、D 级危房在“住房安全”评估中判为不达标">
                <Select allowClear aria-label="危房等级" options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g} 级` }))} />
              </Form.Item>
            </Col>
          </Row>
          <h3>家庭成员</h3>
          <MemberFields />
        </Form>
      </div>
    </Drawer>
  );
}

function toInput(h: Household): HouseholdInput {
  return {
    villageId: h.villageId,
    groupId: h.groupId,
    householdNo: h.householdNo ?? undefined,
    address: h.address,
    phone: h.phone,
    householdType: h.householdType,
    flags: h.flags,
    farmlandMu: h.farmlandMu,
    forestMu: h.forestMu,
    grainForGreenMu: h.grainForGreenMu,
    housingAreaM2: h.housingAreaM2,
    dangerousHouseGrade: h.dangerousHouseGrade as HouseholdInput['dangerousHouseGrade'],
    members: h.members.map((m) => {
      const { householdId: _h, pinyin: _p, isHead: _i, leftAt: _l, leftReason: _r, rowVersion: _v, updatedAt: _u, updatedBy: _b, ...rest } = m;
      return { ...rest, idNumber: m.idNumber ?? undefined } as HouseholdInput['members'][number];
    }),
  };
}

/** antd leaves `undefined` and empty strings around; the strict contract wants absent keys. */
function clean(v: HouseholdInput): HouseholdInput {
  return JSON.parse(JSON.stringify(v, (_k, val: unknown) => (val === '' ? undefined : val))) as HouseholdInput;
}
