import { Alert, App, Button, Drawer, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SchoolYearItem } from '../../../../shared/api/methods/members';
import { gradeText, schoolYearLabel } from '../../../../shared/domain/schoolYear';
import { api, ApiCallError } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { useDivisions } from './useDivisions';

interface Row extends SchoolYearItem {
  stage: string | null;
  grade: number | null;
  reason: string | null;
}

/**
 * 年级升级 with review: each student's proposed next 学段/年级 from the profile's stages; the clerk checks and edits
 * every row (a graduate's next step is theirs to record), then confirms once for the school year.
 */
export function SchoolYearDrawer({ open, onClose, onDone, holdDivisions = false }: { open: boolean; onClose: () => void; onDone: () => void; holdDivisions?: boolean }) {
  const { profile } = useSession();
  const { message, modal } = App.useApp();
  // holdDivisions: the register asks for its first rows before the division tree.
  const { villages } = useDivisions({ enabled: open || !holdDivisions });
  const [villageId, setVillageId] = useState<string | undefined>(undefined);
  const [year, setYear] = useState<{ key: string; label: string } | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await api.call('members.previewSchoolYear', { villageId });
      setYear({ key: r.schoolYear, label: r.schoolYearLabel });
      setRows(r.items.map((i) => ({ ...i, stage: i.proposedStage, grade: i.proposedGrade, reason: null })));
      setSelected(r.items.map((i) => i.memberId));
      setProblems([]);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [villageId, message]);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const edit = (id: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.memberId === id ? { ...r, ...patch } : r)));
  const gradesOf = (stage: string | null) => profile.enums.schoolStages.find((s) => s.label === stage)?.grades ?? 12;

  const commit = () => {
    const chosen = rows.filter((r) => selected.includes(r.memberId));
    if (!year || !chosen.length) return;
    modal.confirm({
      title: `确认 ${chosen.length} 名学生的${year.label}学段与年级？`,
      content: '确认后记为本学年已确认，每人的修改都会留痕。未勾选的学生仍显示“年级未确认”。',
      okText: '确认升级',
      onOk: async () => {
        try {
          const r = await api.call('members.advanceSchoolYear', {
            schoolYear: year.key,
            items: chosen.map((c) => ({ memberId: c.memberId, rowVersion: c.rowVersion, stage: c.stage, grade: c.stage ? c.grade : null, outOfSchoolReason: c.stage ? undefined : c.reason })),
          });
          void message.success(`已确认 ${r.updated} 名学生的年级。`);
          onDone();
          await load();
        } catch (e) {
          setProblems(e instanceof ApiCallError && e.issues.length ? e.issues.map((i) => i.message) : [errorText(e)]);
        }
      },
    });
  };

  return (
    <Drawer
      title={`年级升级${year ? `（${year.label}）` : ''}`}
      open={open}
      onClose={onClose}
      size={1100}
      destroyOnHidden
      extra={
        <Space>
          <Select allowClear placeholder="全部村" style={{ width: 140 }} value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="升级范围" />
          <Button type="primary" disabled={!selected.length} onClick={commit}>
            确认所选（{selected.length}）
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="每学年 9 月 1 日起，在校生的学段、年级须逐人核对更新。系统已按学段年数给出建议；毕业或不再上学的学生请选择升入的学段，或设为“不在校”并选择原因。"
      />
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未保存，请修改以下问题：" description={problems.join('；')} />}
      <Table<Row>
        rowKey="memberId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: '本学年所有在校生的年级都已确认。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '户主 / 村', render: (_, r) => `${r.headName}　${r.villageName}`, width: 150 },
          { title: '年龄', dataIndex: 'age', width: 60 },
          { title: '目前登记', render: (_, r) => `${gradeText(r.currentStage, r.currentGrade)}（${r.confirmedYear ? `${schoolYearLabel(Number(r.confirmedYear))}确认` : '从未确认'}）`, width: 190 },
          {
            title: '本学年学段',
            width: 150,
            render: (_, r) => (
              <Select
                style={{ width: 140 }}
                value={r.stage ?? '__none__'}
                onChange={(v: string) => edit(r.memberId, { stage: v === '__none__' ? null : v, grade: v === '__none__' ? null : r.grade ?? 1 })}
                options={[...profile.enums.schoolStages.map((s) => ({ value: s.label, label: s.label })), { value: '__none__', label: '不在校' }]}
                aria-label={`${r.name}学段`}
              />
            ),
          },
          {
            title: '年级 / 未上学原因',
            width: 200,
            render: (_, r) =>
              r.stage ? (
                <InputNumber min={1} max={gradesOf(r.stage)} value={r.grade} onChange={(v) => edit(r.memberId, { grade: v })} suffix="年级" aria-label={`${r.name}年级`} />
              ) : (
                <Select allowClear style={{ width: 190 }} placeholder="未上学原因" value={r.reason ?? undefined} onChange={(v?: string) => edit(r.memberId, { reason: v ?? null })} options={profile.enums.outOfSchoolReasons.map((x) => ({ value: x, label: x }))} />
              ),
          },
          { title: '说明', render: (_, r) => (r.needsDecision ? <Tag color="warning">{r.note}</Tag> : <span className="gl-muted">{r.note}</span>) },
        ]}
      />
    </Drawer>
  );
}
