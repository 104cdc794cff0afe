import { App, Button, Form, Input, Modal, Space, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DIVISION_LEVEL_LABELS, type Division } from '../../../../shared/api/methods/divisions';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { OfficeForm } from './OfficeForm';

type Editing = { level: Division['level']; parentId: string | null; division?: Division };
const CHILD_LEVEL = { township: 'village', village: 'group', group: null } as const;

/** 单位与区划: the township → 行政村 → 村民小组 tree. */
export function DivisionsPage() {
  const session = useSession();
  const { message } = App.useApp();
  const { divisions, reload } = useDivisions();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const canWrite = session.can('divisions.write');

  const treeData = useMemo(() => {
    const build = (parentId: string | null): { key: string; title: React.ReactNode; children: unknown[] }[] =>
      divisions
        .filter((d) => d.parentId === parentId)
        .map((d) => ({
          key: d.id,
          title: (
            <Space>
              <span>{d.name}</span>
              <Typography.Text type="secondary">
                {DIVISION_LEVEL_LABELS[d.level]}
                {d.householdCount ? ` · ${d.householdCount} 户` : ''}
              </Typography.Text>
              {canWrite && CHILD_LEVEL[d.level] && (
                <Button size="small" type="link" onClick={() => open({ level: CHILD_LEVEL[d.level]!, parentId: d.id })}>
                  添加{DIVISION_LEVEL_LABELS[CHILD_LEVEL[d.level]!]}
                </Button>
              )}
              {canWrite && (
                <Button size="small" type="link" onClick={() => open({ level: d.level, parentId: d.parentId, division: d })}>
                  改名
                </Button>
              )}
            </Space>
          ),
          children: build(d.id),
        }));
    return build(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [divisions, canWrite]);

  function open(e: Editing) {
    form.resetFields();
    form.setFieldsValue({ name: e.division?.name ?? '', code: e.division?.code ?? '' });
    setEditing(e);
  }

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    try {
      await api.call('divisions.save', { id: editing.division?.id, rowVersion: editing.division?.rowVersion, level: editing.level, parentId: editing.parentId, name: v.name, code: v.code || undefined });
      setEditing(null);
      void message.success('已保存');
      await reload();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };

  const hasTownship = divisions.some((d) => d.level === 'township');
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>单位与区划</h2>
        {canWrite && !hasTownship && (
          <Button type="primary" onClick={() => open({ level: 'township', parentId: null })}>
            添加乡镇
          </Button>
        )}
      </div>
      <OfficeForm />
      <Typography.Paragraph className="gl-muted">先建乡镇，再在乡镇下添加行政村、在村下添加村民小组，农户登记时按村组选择。</Typography.Paragraph>
      {treeData.length ? (
        <Tree expandedKeys={divisions.filter((d) => d.level !== 'group').map((d) => d.id)} treeData={treeData as never} selectable={false} />
      ) : (
        <Typography.Text>还没有区划。请点击“添加乡镇”开始。</Typography.Text>
      )}
      <Modal open={!!editing} title={editing ? `${editing.division ? '修改' : '添加'}${DIVISION_LEVEL_LABELS[editing.level]}` : ''} onCancel={() => setEditing(null)} onOk={() => void save()} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input aria-label="区划名称" autoFocus />
          </Form.Item>
          <Form.Item label="统计代码（12 位，可不填）" name="code">
            <Input maxLength={12} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
