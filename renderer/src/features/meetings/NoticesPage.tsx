import type { ColDef } from 'ag-grid-community';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { MeetingRow } from '../../../../shared/api/methods/meetings';
import type { NoticeRow } from '../../../../shared/api/methods/notices';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { ProcedureGrid } from '../cases/ProcedureGrid';
import { DateInput, DueTag } from '../cases/procedureUi';
import { NoticeDrawer } from './NoticeDrawer';

const STATE_TAGS = { notStarted: ['default', '未开始'], posting: ['processing', '公示中'], ended: ['default', '公示期满'] } as const;

/** 公示管理: notices built from locked minutes, their period and place, objections and their handling. */
export function NoticesPage(_props: { params?: Record<string, string> }) {
  const session = useSession();
  const [active, setActive] = useState<boolean | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [today, setToday] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canWrite = session.can('cases.village');

  const columns = useMemo<ColDef<NoticeRow>[]>(
    () => [
      { headerName: '公示', field: 'title', flex: 1, minWidth: 240, cellRenderer: (p: { data?: NoticeRow }) => p.data && <a onClick={() => setOpenId(p.data!.id)}>{p.data.title}</a> },
      { headerName: '开始', field: 'startDate', width: 115 },
      { headerName: '期满', field: 'endDate', width: 190, cellRenderer: (p: { data?: NoticeRow }) => p.data && <DueTag due={p.data.endDate} status={p.data.dueStatus} /> },
      { headerName: '可结束', field: 'closableFrom', width: 115 },
      { headerName: '户数', field: 'entryCount', width: 80 },
      { headerName: '异议', width: 110, valueGetter: (p) => (p.data ? `${p.data.objectionCount}（未处理 ${p.data.openObjectionCount}）` : '') },
      { headerName: '状态', field: 'state', width: 110, cellRenderer: (p: { data?: NoticeRow }) => p.data && <Tag color={STATE_TAGS[p.data.state][0]}>{STATE_TAGS[p.data.state][1]}</Tag> },
    ],
    [],
  );

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>公示管理</h2>
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            按会议记录生成公示
          </Button>
        )}
      </div>
      <Space className="gl-no-print">
        <Select style={{ width: 140 }} allowClear placeholder="全部公示" value={active === undefined ? undefined : String(active)} onChange={(v) => setActive(v === undefined ? undefined : v === 'true')} options={[{ value: 'true', label: '公示中' }, { value: 'false', label: '已期满' }]} aria-label="按公示状态筛选" />
      </Space>
      <ProcedureGrid<NoticeRow>
        testId="notices-grid"
        fetch={async (startRow, endRow) => {
          const r = await api.call('notices.list', { filter: active === undefined ? {} : { active }, startRow, endRow });
          setToday(r.today);
          return r;
        }}
        columns={columns}
        reloadKey={`${String(active)}:${reload}`}
        onOpen={(r) => setOpenId(r.id)}
        empty="还没有公示。民主评议会记录全部签字后，点击“按会议记录生成公示”。公示只列户主、村组和拟认定类别，不含身份证号、电话、健康状况。"
      />
      <NoticeDrawer id={openId} today={today} canWrite={canWrite} onClose={() => setOpenId(null)} onChange={() => setReload((k) => k + 1)} />
      <NoticeCreateModal open={creating} today={today} onClose={() => setCreating(false)} onCreated={(id) => (setCreating(false), setReload((k) => k + 1), setOpenId(id))} />
    </div>
  );
}

function NoticeCreateModal({ open, today, onClose, onCreated }: { open: boolean; today: string; onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [meetings, setMeetings] = useState<MeetingRow[]>([]);
  const [saving, setSaving] = useState(false);

  const load = async () => {
    const r = await api.result('meetings.list', { filter: { locked: true }, startRow: 0, endRow: 100 });
    if (r.ok) setMeetings(r.value.rows);
  };

  const submit = async () => {
    let v: { meetingId: string; kind: 'identification' | 'elimination'; postedOn: string; place: string; objectionContact: string; title?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const n = await api.call('notices.create', { ...v, title: v.title?.trim() || undefined });
      void message.success(`已生成公示，${n.notice.startDate} 至 ${n.notice.endDate}`);
      onCreated(n.id);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="按会议记录生成公示" open={open} onCancel={onClose} onOk={() => void submit()} okText="生成" confirmLoading={saving} destroyOnHidden afterOpenChange={(o) => o && (form.setFieldsValue({ kind: 'identification', postedOn: today, place: '村委会公示栏' }), void load())}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="评议会议（已全部签字）" name="meetingId" rules={[{ required: true, message: '请选择已锁定的会议记录' }]}>
          <Select aria-label="评议会议" options={meetings.map((m) => ({ value: m.id, label: `${m.date} ${m.villageName}（识别 ${m.identificationItems}、消除 ${m.eliminationItems}）` }))} />
        </Form.Item>
        <Form.Item label="公示类型" name="kind">
          <Radio.Group options={[{ value: 'identification', label: '拟纳入监测对象' }, { value: 'elimination', label: '拟消除风险' }]} />
        </Form.Item>
        <Form.Item label="公示开始日期（天数按地方口径）" name="postedOn" rules={[{ required: true, message: '请填写公示开始日期' }]}>
          <DateInput aria-label="公示开始日期" />
        </Form.Item>
        <Form.Item label="公示地点" name="place" rules={[{ required: true, message: '请填写公示地点' }]}>
          <Input aria-label="公示地点" maxLength={200} />
        </Form.Item>
        <Form.Item label="异议受理联系方式（村委会或乡镇办公电话，不填农户电话）" name="objectionContact" rules={[{ required: true, message: '请填写异议受理联系方式' }]}>
          <Input aria-label="异议受理联系方式" maxLength={200} />
        </Form.Item>
        <Form.Item label="标题（可不填，默认“××村拟纳入防止返贫监测对象名单公示”）" name="title">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
