import { App, Button, Drawer, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Cadre, CadreAssignment } from '../../../../shared/api/methods/cadres';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ColourTag } from '../common/ColourTag';
import { applyFieldErrors, errorText } from '../common/errors';

type CadreForm = { name: string; unit?: string; position?: string; phone?: string; active: boolean };

/** 结对帮扶干部 management: the list, add/edit, and one cadre's own households (with history). */
export function CadresPanel() {
  const session = useSession();
  const { message } = App.useApp();
  const [cadres, setCadres] = useState<Cadre[]>([]);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [search, setSearch] = useState<string>();
  const [editing, setEditing] = useState<Cadre | 'new' | null>(null);
  const [viewing, setViewing] = useState<Cadre | null>(null);
  const [form] = Form.useForm<CadreForm>();
  const canWrite = session.can('assistance.write');

  const load = useCallback(async () => {
    const r = await api.result('cadres.list', { search, includeInactive });
    if (r.ok) setCadres(r.value);
    else void message.error(r.error.message);
  }, [search, includeInactive, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const v = await form.validateFields();
    const current = editing === 'new' ? undefined : editing!;
    try {
      await api.call('cadres.save', { id: current?.id, rowVersion: current?.rowVersion, name: v.name, unit: v.unit ?? '', position: v.position ?? '', phone: v.phone ?? '', active: v.active });
      void message.success('已保存');
      setEditing(null);
      await load();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };

  const initial: CadreForm = editing && editing !== 'new' ? { ...editing } : { name: '', active: true };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="cadres-panel">
      <Space wrap>
        <Input.Search placeholder="姓名或单位" allowClear style={{ width: 240 }} onSearch={(v) => setSearch(v.trim() || undefined)} aria-label="搜索帮扶干部" />
        <Space>
          <Switch checked={includeInactive} onChange={setIncludeInactive} aria-label="含已离岗" />
          含已离岗干部
        </Space>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            添加帮扶干部
          </Button>
        )}
      </Space>
      <Table<Cadre>
        rowKey="id"
        size="small"
        dataSource={cadres}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: '还没有结对帮扶干部。点击“添加帮扶干部”录入姓名、单位和电话，再到农户页安排结对。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '单位', dataIndex: 'unit' },
          { title: '职务', dataIndex: 'position', width: 120 },
          { title: '电话', dataIndex: 'phone', width: 130 },
          { title: '当前结对户数', dataIndex: 'householdCount', width: 110, align: 'right' },
          { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="success">在岗</Tag> : <Tag>已离岗</Tag>) },
          {
            title: '操作',
            width: 150,
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setViewing(c)}>
                  结对户
                </Button>
                {canWrite && (
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    修改
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '添加帮扶干部' : '修改帮扶干部'} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={initial}>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input aria-label="干部姓名" maxLength={50} />
          </Form.Item>
          <Form.Item label="工作单位" name="unit">
            <Input aria-label="工作单位" maxLength={100} />
          </Form.Item>
          <Form.Item label="职务" name="position">
            <Input aria-label="职务" maxLength={50} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone">
            <Input aria-label="干部联系电话" maxLength={30} />
          </Form.Item>
          <Form.Item label="在岗" name="active" valuePropName="checked" extra="离岗的干部不再安排新结对，已有结对请在农户页结束。">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <CadreHouseholds cadre={viewing} onClose={() => setViewing(null)} />
    </Space>
  );
}

/** One cadre's own list of households: current pairings first, then ended ones. */
function CadreHouseholds({ cadre, onClose }: { cadre: Cadre | null; onClose: () => void }) {
  const session = useSession();
  const [rows, setRows] = useState<CadreAssignment[]>([]);
  useEffect(() => {
    if (cadre) void api.result('cadres.assignments', { cadreId: cadre.id }).then((r) => r.ok && setRows(r.value));
  }, [cadre]);
  const status = session.profile.enums.householdStatusLabels as Record<string, string>;
  return (
    <Drawer open={cadre !== null} title={cadre ? `${cadre.name}的结对户` : ''} width={720} onClose={onClose} destroyOnHidden>
      <Table<CadreAssignment>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        onRow={(a) => ({ onDoubleClick: () => navigate(`/household/${a.householdId}`) })}
        columns={[
          { title: '户主', dataIndex: 'headName', render: (v: string, a) => <a href={`#/household/${a.householdId}`}>{v}</a> },
          { title: '村', dataIndex: 'villageName' },
          { title: '状态', dataIndex: 'householdStatus', render: (s: string) => status[s] ?? s },
          { title: '颜色', dataIndex: 'colour', render: (c: string | null) => <ColourTag colour={c} /> },
          { title: '结对期间', render: (_, a) => `${a.startDate} 至 ${a.endDate ?? '今'}` },
        ]}
      />
    </Drawer>
  );
}
