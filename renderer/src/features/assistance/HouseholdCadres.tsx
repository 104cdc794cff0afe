import { App, Button, DatePicker, Form, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { Cadre, CadreAssignment } from '../../../../shared/api/methods/cadres';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { fromDay } from './assistanceUi';

/** 结对帮扶干部 of one household: current and past pairings, pair a cadre, end a pairing. */
export function HouseholdCadres({ householdId, onChange }: { householdId: string; onChange?: (current: CadreAssignment[]) => void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [rows, setRows] = useState<CadreAssignment[]>([]);
  const [cadres, setCadres] = useState<Cadre[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<CadreAssignment | null>(null);
  const [form] = Form.useForm<{ cadreId: string; startDate: Dayjs; endDate: Dayjs }>();
  const canWrite = session.can('assistance.write');

  const load = useCallback(async () => {
    const r = await api.result('cadres.assignments', { householdId });
    if (r.ok) {
      setRows(r.value);
      onChange?.(r.value.filter((a) => !a.endDate));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [householdId]);
  useEffect(() => {
    void load();
  }, [load]);

  const openAssign = async () => {
    const r = await api.result('cadres.list', {});
    if (r.ok) setCadres(r.value);
    setAssigning(true);
  };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (ending) await api.call('cadres.unassign', { assignmentId: ending.id, endDate: fromDay(v.endDate)! });
      else await api.call('cadres.assign', { cadreId: v.cadreId, householdId, startDate: fromDay(v.startDate)! });
      void message.success(ending ? '已结束结对' : '已安排结对帮扶干部');
      setAssigning(false);
      setEnding(null);
      await load();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };

  return (
    <div>
      <div className="gl-page-header" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          结对帮扶干部
        </Typography.Title>
        {canWrite && <Button onClick={() => void openAssign()}>安排帮扶干部</Button>}
      </div>
      <Table<CadreAssignment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚未安排结对帮扶干部（八个优先：优先安排帮扶干部）。' }}
        columns={[
          { title: '姓名', dataIndex: 'cadreName', width: 100 },
          { title: '单位', dataIndex: 'cadreUnit' },
          { title: '电话', dataIndex: 'cadrePhone', width: 130 },
          { title: '结对期间', width: 220, render: (_, a) => `${a.startDate} 至 ${a.endDate ?? '今'}` },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  width: 100,
                  render: (_: unknown, a: CadreAssignment) =>
                    !a.endDate && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEnding(a)}
                      >
                        结束结对
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={assigning || ending !== null}
        title={ending ? `结束「${ending.cadreName}」的结对` : '安排结对帮扶干部'}
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => (setAssigning(false), setEnding(null))}
        destroyOnHidden
      >
        {/* Mounted afresh at each opening (destroyOnHidden), so the defaults below apply every time. */}
        <Form form={form} layout="vertical" initialValues={{ startDate: dayjs(session.today()), endDate: dayjs(session.today()) }}>
          {ending ? (
            <Form.Item label="结对结束日期" name="endDate" rules={[{ required: true, message: '请选择结对结束日期' }]} extra="结对记录保留为历史，不会删除。">
              <DatePicker aria-label="结对结束日期" format="YYYY-MM-DD" />
            </Form.Item>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Form.Item label="帮扶干部" name="cadreId" rules={[{ required: true, message: '请选择帮扶干部' }]} extra={cadres.length ? undefined : '还没有干部名单：请先在“监测帮扶 → 帮扶措施 → 帮扶干部”中添加。'}>
                <Select aria-label="帮扶干部" showSearch optionFilterProp="label" options={cadres.map((c) => ({ value: c.id, label: `${c.name}${c.unit ? `（${c.unit}）` : ''}` }))} />
              </Form.Item>
              <Form.Item label="结对开始日期" name="startDate" rules={[{ required: true, message: '请选择结对开始日期' }]}>
                <DatePicker aria-label="结对开始日期" format="YYYY-MM-DD" />
              </Form.Item>
            </Space>
          )}
        </Form>
      </Modal>
    </div>
  );
}
