import { App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { NoticeDetail } from '../../../../shared/api/methods/notices';
import type { ObjectionRow } from '../../../../shared/api/schemas/procedures';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { applyFieldErrors, errorText } from '../common/errors';
import { DateInput, useLoad } from '../cases/procedureUi';

const STATE_LABELS = { notStarted: '未开始', posting: '公示中', ended: '公示期满' } as const;

/** One 公示: the posted list (户主/村组/拟认定 only), its period, and the 异议 with their handling. */
export function NoticeDrawer({ id, today, canWrite, onClose, onChange }: { id: string | null; today: string; canWrite: boolean; onClose: () => void; onChange: () => void }) {
  const { message } = App.useApp();
  const [current, setCurrent] = useState<NoticeDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<ObjectionRow | null>(null);
  const [form] = Form.useForm();
  const { data } = useLoad(() => (id ? api.call('notices.get', { id }) : Promise.resolve(null)), [id]);
  const d = current && current.id === id ? current : data;

  const run = async (fn: () => Promise<NoticeDetail>, done: string) => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    try {
      setCurrent(await fn());
      void message.success(done);
      setAdding(false);
      setResolving(null);
      onChange();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };

  const n = d?.notice;
  return (
    <Drawer title={n?.title ?? '公示'} open={id !== null} onClose={onClose} width={860} destroyOnHidden>
      {d && n && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="公示期">
              {n.startDate} 至 {n.endDate}（{n.days} {n.dayKind === 'working' ? '个工作日' : '天'}）<Tag style={{ marginLeft: 8 }}>{STATE_LABELS[d.state]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="可结束公示日期">{d.closableFrom}</Descriptions.Item>
            <Descriptions.Item label="公示地点">{n.place}</Descriptions.Item>
            <Descriptions.Item label="异议受理">{n.objectionContact}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={n.entries.map((e, i) => ({ ...e, caseId: d.caseIds[i] }))}
            columns={[
              { title: '户主', dataIndex: 'headName', render: (v: string, r: { caseId: string }) => <a onClick={() => navigate(`/case/${r.caseId}`)}>{v}</a> },
              { title: '村组', dataIndex: 'villageGroup' },
              { title: n.kind === 'identification' ? '拟认定类别' : '消除方式', dataIndex: 'proposal' },
            ]}
          />
          <Card size="small" title="异议" extra={canWrite && <Button onClick={() => (form.resetFields(), form.setFieldsValue({ date: today }), setAdding(true))}>登记异议</Button>}>
            {d.objections.length === 0 && <p className="gl-muted">公示期间没有收到异议。</p>}
            {d.objections.map((o) => (
              <p key={o.id}>
                <Tag color={o.resolved ? 'success' : 'warning'}>{o.resolved ? '已处理' : '未处理'}</Tag>
                {o.date} 对 {o.headName} 户：{o.content}
                {o.resolved ? `（调查：${o.investigation}；结果：${o.result}）` : ''}
                {!o.resolved && canWrite && (
                  <Button type="link" onClick={() => (form.resetFields(), setResolving(o))}>
                    处理
                  </Button>
                )}
              </p>
            ))}
          </Card>
          <Modal title="登记异议" open={adding} onCancel={() => setAdding(false)} okText="登记" onOk={() => void run(() => api.call('notices.addObjection', { noticeId: d.id, ...(form.getFieldsValue() as { caseId: string; date: string; objectionText: string; raisedBy?: string }) }), '已登记异议')} destroyOnHidden>
            <Form form={form} layout="vertical" preserve={false}>
              <Form.Item label="对哪一户" name="caseId" rules={[{ required: true, message: '请选择异议针对的农户' }]}>
                <Select aria-label="异议针对的农户" options={n.entries.map((e, i) => ({ value: d.caseIds[i], label: `${e.headName}（${e.villageGroup}）` }))} />
              </Form.Item>
              <Form.Item label="提出日期" name="date" rules={[{ required: true, message: '请填写日期' }]}>
                <DateInput aria-label="异议提出日期" />
              </Form.Item>
              <Form.Item label="异议内容" name="objectionText" rules={[{ required: true, message: '请填写异议内容' }]}>
                <Input.TextArea aria-label="异议内容" rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item label="异议人（仅内部记录，可匿名）" name="raisedBy">
                <Input maxLength={50} />
              </Form.Item>
            </Form>
          </Modal>
          <Modal title="处理异议" open={resolving !== null} onCancel={() => setResolving(null)} okText="处理完毕" onOk={() => void run(() => api.call('notices.resolveObjection', { objectionId: resolving!.id, ...(form.getFieldsValue() as { investigation: string; result: string }) }), '异议已处理')} destroyOnHidden>
            <p>{resolving?.content}</p>
            <Form form={form} layout="vertical" preserve={false}>
              <Form.Item label="调查核实情况" name="investigation" rules={[{ required: true, message: '请填写调查核实情况' }]}>
                <Input.TextArea aria-label="调查核实情况" rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item label="处理结果" name="result" rules={[{ required: true, message: '请填写处理结果' }]}>
                <Input.TextArea aria-label="处理结果" rows={2} maxLength={1000} />
              </Form.Item>
            </Form>
          </Modal>
        </Space>
      )}
    </Drawer>
  );
}
