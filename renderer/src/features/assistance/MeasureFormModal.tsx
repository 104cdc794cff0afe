import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Measure, MeasureInput } from '../../../../shared/api/methods/measures';
import { MEASURE_STATUSES, MEASURE_STATUS_LABELS, type MeasureStatus } from '../../../../shared/domain/assistanceTerms';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { fromDay, toDay, toFen, yuanRule } from './assistanceUi';

interface Values {
  category: string;
  item?: string;
  priority?: string;
  content: string;
  responsibleUnit?: string;
  responsiblePerson?: string;
  plannedStart?: Dayjs;
  plannedEnd?: Dayjs;
  actualStart?: Dayjs;
  actualEnd?: Dayjs;
  amountYuan?: string;
  status: MeasureStatus;
  effect?: string;
}

const DATE_FIELDS = [
  ['plannedStart', '计划开始日期'],
  ['plannedEnd', '计划结束日期'],
  ['actualStart', '实际开始日期'],
  ['actualEnd', '实际结束日期'],
] as const;

/** Create or edit one 帮扶措施 of a household. Categories, sub-items and 八个优先 come from the profile. */
export function MeasureFormModal({ open, householdId, measure, onClose, onSaved }: { open: boolean; householdId: string; measure?: Measure; onClose: () => void; onSaved: (m: Measure) => void }) {
  const { profile } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form);
  const status = Form.useWatch('status', form);
  const items = profile.enums.measureCategories.find((c) => c.key === category)?.items ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (measure) {
      form.setFieldsValue({
        ...measure,
        item: measure.item ?? undefined,
        priority: measure.priority ?? undefined,
        plannedStart: toDay(measure.plannedStart),
        plannedEnd: toDay(measure.plannedEnd),
        actualStart: toDay(measure.actualStart),
        actualEnd: toDay(measure.actualEnd),
        amountYuan: measure.amountFen === null ? undefined : formatFen(measure.amountFen, { grouping: false }),
      });
    } else form.setFieldsValue({ status: 'planned' });
  }, [open, measure, form]);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input: MeasureInput = {
      id: measure?.id,
      rowVersion: measure?.rowVersion,
      householdId,
      category: v.category,
      item: v.item ?? null,
      priority: v.priority ?? null,
      content: v.content,
      responsibleUnit: v.responsibleUnit ?? '',
      responsiblePerson: v.responsiblePerson ?? '',
      plannedStart: fromDay(v.plannedStart),
      plannedEnd: fromDay(v.plannedEnd),
      actualStart: fromDay(v.actualStart),
      actualEnd: fromDay(v.actualEnd),
      amountFen: toFen(v.amountYuan),
      status: v.status,
      effect: v.effect ?? '',
    };
    setSaving(true);
    try {
      const saved = await api.call('measures.save', input);
      void message.success('帮扶措施已保存');
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
      else void message.error('有填写错误，请按红色提示修改后再保存。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={measure ? '修改帮扶措施' : '新增帮扶措施'} width={760} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="帮扶措施类别" name="category" rules={[{ required: true, message: '请选择帮扶措施类别' }]}>
              <Select aria-label="帮扶措施类别" options={profile.enums.measureCategories.map((c) => ({ value: c.key, label: c.label }))} onChange={() => form.setFieldValue('item', undefined)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="措施子项" name="item">
              <Select aria-label="措施子项" allowClear options={items.map((i) => ({ value: i, label: i }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="八个优先" name="priority">
              <Select aria-label="八个优先" allowClear options={profile.enums.priorityMeasures.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="措施内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写措施的具体内容' }]}>
          <Input.TextArea aria-label="措施内容" rows={2} maxLength={500} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="责任单位" name="responsibleUnit">
              <Input aria-label="责任单位" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="责任人" name="responsiblePerson">
              <Input aria-label="责任人" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="金额（元）" name="amountYuan" rules={[yuanRule('金额')]}>
              <Input aria-label="金额（元）" placeholder="如 1500.00，没有可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {DATE_FIELDS.map(([name, label]) => (
            <Col span={6} key={name}>
              <Form.Item
                label={label}
                name={name}
                rules={[
                  { required: (name === 'actualStart' && status !== 'planned') || (name === 'actualEnd' && status === 'ended'), message: `请填写${label}` },
                ]}
              >
                <DatePicker aria-label={label} style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label="状态" name="status" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="帮扶成效" name="effect">
          <Input.TextArea aria-label="帮扶成效" rows={2} maxLength={1000} placeholder="如：务工月收入约 3000 元，家庭收入稳定" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
