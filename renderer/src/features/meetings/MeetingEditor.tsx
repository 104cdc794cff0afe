import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingDetail, MeetingSaveInput } from '../../../../shared/api/methods/meetings';
import type { CaseRow } from '../../../../shared/api/schemas/procedures';
import { MEETING_ROLES } from '../../../../shared/domain/meeting';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { DateInput } from '../cases/procedureUi';
import { AgendaItemsField } from './AgendaItemsField';

type Values = Omit<MeetingSaveInput, 'id' | 'rowVersion'>;

function toValues(d: MeetingDetail): Values {
  const m = d.meeting;
  return {
    villageId: d.villageId,
    date: m.date,
    time: m.time,
    place: m.place,
    host: m.host,
    recorder: m.recorder,
    minutesText: d.minutesText,
    attendees: m.attendees.map((a) => ({ id: a.id, name: a.name, role: a.role, unit: a.unit })),
    items: m.items.map((i) => ({ id: i.id, caseId: i.caseId, proposal: i.proposal, situation: i.situation, needs: i.needs, votes: i.votes, outcome: i.outcome })),
  };
}

/**
 * 民主评议会议记录 content: village, time and place, attendees with their roles, one agenda item per
 * household (识别纳入 and 风险消除 items may share a meeting), votes and outcome, the minutes text.
 */
export function MeetingEditor({ existing, today, onSaved }: { existing?: MeetingDetail; today: string; onSaved: (d: MeetingDetail) => void }) {
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [cases, setCases] = useState<CaseRow[]>([]);
  const villageId = Form.useWatch('villageId', form);

  useEffect(() => {
    form.setFieldsValue(existing ? toValues(existing) : { date: today, time: '09:00', attendees: [{ name: '', role: '村两委' }], items: [], minutesText: '' });
  }, [existing, today, form]);

  useEffect(() => {
    if (!villageId) return setCases([]);
    void api.result('cases.list', { filter: { villageId, status: 'open' }, startRow: 0, endRow: 500 }).then((r) => r.ok && setCases(r.value.rows));
  }, [villageId]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      const d = await api.call('meetings.save', { ...v, ...(existing ? { id: existing.id, rowVersion: existing.rowVersion } : {}) });
      void message.success('会议记录已保存');
      onSaved(d);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="meeting-editor">
      {existing && existing.meeting.signatures.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={existing.locked ? '会议记录已全部签字并锁定，内容不能再修改；如需更正请添加补充说明。' : '已有参会人员签字，修改内容前须先撤销全部签字。'} />
      )}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item label="行政村" name="villageId" rules={[{ required: true, message: '请选择行政村' }]}>
            <Select aria-label="行政村" options={villages.map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label="会议日期" name="date" rules={[{ required: true, message: '请填写会议日期' }]}>
            <DateInput aria-label="会议日期" />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item label="时间" name="time">
            <Input aria-label="会议时间" placeholder="09:00" maxLength={5} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="地点" name="place" rules={[{ required: true, message: '请填写会议地点' }]}>
            <Input aria-label="会议地点" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="主持人" name="host" rules={[{ required: true, message: '请填写主持人' }]}>
            <Input aria-label="主持人" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="记录人" name="recorder" rules={[{ required: true, message: '请填写记录人' }]}>
            <Input aria-label="记录人" maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Card size="small" title="参会人员（每人都须签字）" style={{ marginBottom: 12 }}>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input aria-label={`参会人员${i + 1}姓名`} placeholder="姓名" maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请填写身份' }]}>
                    <AutoComplete aria-label={`参会人员${i + 1}身份`} style={{ width: 150 }} placeholder="身份" options={MEETING_ROLES.map((r) => ({ value: r }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input placeholder="单位（可不填）" maxLength={100} />
                  </Form.Item>
                  {fields.length > 1 && <a onClick={() => remove(f.name)}>删除</a>}
                </Space>
              ))}
              <Button onClick={() => add({ name: '', role: '村民代表' })}>添加参会人员</Button>
            </>
          )}
        </Form.List>
      </Card>
      <AgendaItemsField cases={cases} />
      <Form.Item label="会议内容（入户核查和信息比对情况、逐户评议情况等）" name="minutesText">
        <Input.TextArea aria-label="会议内容" rows={5} maxLength={20000} />
      </Form.Item>
      <Button type="primary" loading={saving} onClick={() => void save()}>
        保存会议记录
      </Button>
    </Form>
  );
}
