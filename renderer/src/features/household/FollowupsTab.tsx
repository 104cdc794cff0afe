import { App, Button, Image, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Followup } from '../../../../shared/api/methods/followups';
import { SATISFACTION_LABELS, VISIT_METHOD_LABELS } from '../../../../shared/domain/assistanceTerms';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { yuanText } from '../assistance/assistanceUi';
import { FollowupFormModal } from '../assistance/FollowupFormModal';
import { ReasonModal } from '../assistance/ReasonModal';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';
import type { HouseholdTabProps } from './tabs';

const PAGE = 20;

/** 走访记录 of one household, newest first, with photo thumbnails; record a visit from here. */
export function FollowupsTab({ household, reload }: HouseholdTabProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: Followup[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Followup | 'new' | null>(null);
  const [removing, setRemoving] = useState<Followup | null>(null);
  const [paired, setPaired] = useState<string[]>([]);
  const canWrite = session.can('followups.write');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.call('followups.list', { filter: { householdId: household.id }, startRow: (page - 1) * PAGE, endRow: page * PAGE }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [household.id, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void api.result('cadres.assignments', { householdId: household.id }).then((r) => r.ok && setPaired(r.value.filter((a) => !a.endDate).map((a) => a.cadreId)));
  }, [household.id]);

  const saved = (v: Followup) => {
    setEditing(null);
    void load();
    // A re-grade changes the household's colour in the page header.
    if (v.colourAfter && v.colourAfter !== household.colour) void reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="followups-tab">
      <div className="gl-page-header">
        <Typography.Title level={5} style={{ margin: 0 }}>
          走访记录（{data.total} 次）
        </Typography.Title>
        {canWrite && household.status !== 'cancelled' && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记走访
          </Button>
        )}
      </div>
      <Table<Followup>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.rows}
        scroll={{ x: 1400 }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: household.status === 'monitoring' ? '还没有走访记录。监测户每月至少走访一次，点击“登记走访”录入。' : '还没有走访记录。' }}
        columns={[
          { title: '走访日期', dataIndex: 'visitDate', width: 105 },
          { title: '方式', dataIndex: 'visitMethod', width: 60, render: (m: Followup['visitMethod']) => VISIT_METHOD_LABELS[m] },
          { title: '走访人', dataIndex: 'visitors', width: 130, render: (v: string[]) => v.join('、') },
          { title: '走访情况', dataIndex: 'findings', width: 280 },
          { title: '收入变化', width: 160, render: (_, v) => [v.incomeChange, v.incomeChangeFen !== null ? `${yuanText(v.incomeChangeFen)} 元/年` : ''].filter(Boolean).join('；') || '—' },
          { title: '新发现风险', dataIndex: 'newRisks', width: 120, render: (r: string[]) => (r.length ? r.map((x) => <Tag key={x}>{x}</Tag>) : '—') },
          { title: '满意度', dataIndex: 'satisfaction', width: 80, render: (s: Followup['satisfaction']) => (s ? SATISFACTION_LABELS[s] : '—') },
          {
            title: '风险等级',
            width: 130,
            render: (_, v) =>
              v.colourAfter ? (
                <Space size={4}>
                  <ColourTag colour={v.colourBefore} />→<ColourTag colour={v.colourAfter} />
                </Space>
              ) : (
                <span className="gl-muted">未调整</span>
              ),
          },
          {
            title: '照片',
            width: 170,
            render: (_, v) => (
              <Image.PreviewGroup>
                <Space size={4} wrap>
                  {v.photos.map((p) => (
                    <Image key={p.fileId} src={api.fileUrl(p.fileId)} alt={p.name} width={48} height={48} style={{ objectFit: 'cover' }} data-testid="followup-photo" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  width: 110,
                  fixed: 'right' as const,
                  render: (_: unknown, v: Followup) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(v)}>
                        修改
                      </Button>
                      <Button type="link" size="small" danger onClick={() => setRemoving(v)}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FollowupFormModal
        open={editing !== null}
        householdId={household.id}
        currentColour={household.colour}
        pairedCadreIds={paired}
        visit={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <ReasonModal
        open={removing !== null}
        title="删除走访记录"
        warning={`将删除 ${removing?.visitDate ?? ''} 的走访记录（照片仍保留在本户档案中）。此操作记入审计日志。`}
        onCancel={() => setRemoving(null)}
        onConfirm={async (reason) => {
          try {
            await api.call('followups.remove', { id: removing!.id, rowVersion: removing!.rowVersion, reason });
            setRemoving(null);
            void message.success('已删除');
            void load();
          } catch (e) {
            void message.error(errorText(e));
          }
        }}
      />
    </Space>
  );
}
