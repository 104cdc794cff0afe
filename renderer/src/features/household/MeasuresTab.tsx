import { Alert, App, Button, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HouseholdCheck, Measure } from '../../../../shared/api/methods/measures';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { categoryLabel, MeasureStatusTag, yuanText } from '../assistance/assistanceUi';
import { HouseholdCadres } from '../assistance/HouseholdCadres';
import { MeasureFormModal } from '../assistance/MeasureFormModal';
import { ReasonModal } from '../assistance/ReasonModal';
import { applyFieldErrors, errorText } from '../common/errors';
import type { HouseholdTabProps } from './tabs';

/** 帮扶措施 of one household: the inspectors' rule findings, 劳动意愿, the measures, 结对帮扶干部. */
export function MeasuresTab({ household }: HouseholdTabProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [check, setCheck] = useState<HouseholdCheck | null>(null);
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [removing, setRemoving] = useState<Measure | null>(null);
  const [intentOpen, setIntentOpen] = useState(false);
  const canWrite = session.can('assistance.write');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [c, list] = await Promise.all([api.call('measures.check', { householdId: household.id }), api.call('measures.list', { filter: { householdId: household.id }, startRow: 0, endRow: 500 })]);
      setCheck(c);
      setMeasures(list.rows);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [household.id, message]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="measures-tab">
      {check && <RuleFindings check={check} canWrite={canWrite} onSetIntent={() => setIntentOpen(true)} />}
      <div className="gl-page-header">
        <Typography.Title level={5} style={{ margin: 0 }}>
          帮扶措施（{measures.length} 项）
        </Typography.Title>
        {canWrite && household.status !== 'cancelled' && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新增帮扶措施
          </Button>
        )}
      </div>
      <Table<Measure>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={measures}
        pagination={false}
        scroll={{ x: 1650 }}
        locale={{ emptyText: '还没有帮扶措施。监测户应按风险类型落实措施，有劳动能力的户至少一项产业或就业帮扶。' }}
        columns={[
          { title: '类别', dataIndex: 'category', width: 110, render: (v: string) => categoryLabel(session.profile, v) },
          { title: '子项', dataIndex: 'item', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '内容', dataIndex: 'content', width: 260 },
          { title: '八个优先', dataIndex: 'priority', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '责任单位/人', width: 140, render: (_, m) => [m.responsibleUnit, m.responsiblePerson].filter(Boolean).join(' / ') || '—' },
          { title: '计划起止', width: 190, render: (_, m) => period(m.plannedStart, m.plannedEnd) },
          { title: '实际起止', width: 190, render: (_, m) => period(m.actualStart, m.actualEnd) },
          { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: yuanText },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: Measure['status']) => <MeasureStatusTag status={s} /> },
          { title: '成效', dataIndex: 'effect', width: 160, ellipsis: true },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  width: 110,
                  fixed: 'right' as const,
                  render: (_: unknown, m: Measure) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(m)}>
                        修改
                      </Button>
                      <Button type="link" size="small" danger onClick={() => setRemoving(m)}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <HouseholdCadres householdId={household.id} />
      <MeasureFormModal
        open={editing !== null}
        householdId={household.id}
        measure={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void load();
        }}
      />
      <ReasonModal
        open={removing !== null}
        title="删除帮扶措施"
        warning={`将删除措施「${removing?.content ?? ''}」。删除后不再计入措施到位情况，此操作记入审计日志。`}
        onCancel={() => setRemoving(null)}
        onConfirm={async (reason) => {
          try {
            await api.call('measures.remove', { id: removing!.id, rowVersion: removing!.rowVersion, reason });
            setRemoving(null);
            void message.success('已删除');
            void load();
          } catch (e) {
            void message.error(errorText(e));
          }
        }}
      />
      <LabourIntentModal open={intentOpen} householdId={household.id} check={check} onClose={() => setIntentOpen(false)} onSaved={(c) => (setCheck(c), setIntentOpen(false))} />
    </Space>
  );
}

const period = (from: string | null, to: string | null) => (from || to ? `${from ?? '？'} 至 ${to ?? '今'}` : '—');

function RuleFindings({ check, canWrite, onSetIntent }: { check: HouseholdCheck; canWrite: boolean; onSetIntent: () => void }) {
  const willing = check.labourWilling === null ? '未登记（按有意愿计）' : check.labourWilling ? '有' : `无（${check.labourReason}）`;
  const labour = (
    <Space wrap>
      <span>劳动能力：{check.labourCapable ? '有' : '无'}</span>
      <span>劳动意愿：{willing}</span>
      {canWrite && (
        <Button size="small" onClick={onSetIntent}>
          登记劳动意愿
        </Button>
      )}
    </Space>
  );
  if (!check.checked) return <Alert type="info" showIcon title="该户不在监测中，帮扶措施规则检查只针对监测户。" description={labour} />;
  if (!check.findings.length) return <Alert type="success" showIcon title="帮扶措施规则检查通过" description={labour} />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="measure-findings"
      title={`帮扶措施规则检查发现 ${check.findings.length} 个问题`}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {check.findings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
          {labour}
        </>
      }
    />
  );
}

function LabourIntentModal({ open, householdId, check, onClose, onSaved }: { open: boolean; householdId: string; check: HouseholdCheck | null; onClose: () => void; onSaved: (c: HouseholdCheck) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ willing: boolean; reason?: string }>();
  const willing = Form.useWatch('willing', form);
  useEffect(() => {
    if (open) form.setFieldsValue({ willing: check?.labourWilling ?? true, reason: check?.labourReason ?? '' });
  }, [open, check, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      onSaved(await api.call('measures.setLabourIntent', { householdId, willing: v.willing, reason: v.reason ?? '' }));
      void message.success('劳动意愿已登记');
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };
  return (
    <Modal open={open} title="登记劳动意愿" okText="保存" cancelText="取消" onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label="劳动意愿" name="willing">
          <Radio.Group options={[{ value: true, label: '有劳动意愿' }, { value: false, label: '无劳动意愿' }]} />
        </Form.Item>
        <Form.Item label="原因" name="reason" rules={[{ required: willing === false, whitespace: true, message: '无劳动意愿时请写明原因' }]}>
          <Input.TextArea aria-label="原因" rows={2} maxLength={200} placeholder="如：长期照料重病家人" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
