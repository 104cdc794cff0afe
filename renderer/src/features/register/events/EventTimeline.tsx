import { Button, Empty, Popconfirm, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { HouseholdEvent } from '../../../../../shared/api/methods/householdEvents';
import { chinaDateTime } from '../../../../../shared/domain/chinaTime';
import { navigate } from '../../../app/router';

const KIND_COLOURS: Record<string, string> = {
  birth: 'green',
  marriageIn: 'green',
  moveIn: 'green',
  death: 'gray',
  marriageOut: 'blue',
  moveOut: 'blue',
  split: 'orange',
  merge: 'orange',
};

/** 自然变更 of one household, newest first; revoked entries stay visible, struck through. */
export function EventTimeline({ events, canRevoke, onRevoke }: { events: HouseholdEvent[]; canRevoke: boolean; onRevoke: (e: HouseholdEvent, reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  if (!events.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无人口变更记录。出生、死亡、婚嫁、迁入迁出、分户合户请用“登记人口变更”按日期登记，历史不会被覆盖。" />;
  }
  const latestOpen = events.find((e) => !e.revokedAt && !e.viaRelated);
  return (
    <Timeline
      data-testid="event-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: e.revokedAt ? 'gray' : (KIND_COLOURS[e.kind] ?? 'blue'),
        title: e.date,
        content: (
          <div>
            <Space wrap>
              <Tag color={KIND_COLOURS[e.kind]}>{e.kindLabel}</Tag>
              <Typography.Text delete={!!e.revokedAt}>{e.summary}</Typography.Text>
              {e.relatedHouseholdId && (
                <Button type="link" size="small" onClick={() => navigate(`/household/${e.relatedHouseholdId}`)}>
                  查看{e.relatedHeadName ?? ''}户
                </Button>
              )}
            </Space>
            {e.note && <div className="gl-muted">备注：{e.note}</div>}
            <div className="gl-muted" style={{ fontSize: 12 }}>
              {e.recordedBy ?? '系统'} 于 {chinaDateTime(e.recordedAt)} 登记
              {e.revokedAt && `；已于 ${chinaDateTime(e.revokedAt)} 撤销（${e.revokedReason ?? ''}）`}
            </div>
            {canRevoke && latestOpen?.id === e.id && e.kind !== 'split' && e.kind !== 'merge' && (
              <Popconfirm
                title="撤销这条误登记的变更？"
                description={<Input placeholder="撤销原因（必填）" value={reason} onChange={(ev) => setReason(ev.target.value)} maxLength={200} />}
                okText="撤销"
                okButtonProps={{ danger: true, disabled: !reason.trim() }}
                onConfirm={() => onRevoke(e, reason.trim()).then(() => setReason(''))}
              >
                <Button type="link" size="small" danger>
                  撤销（仅限误登记）
                </Button>
              </Popconfirm>
            )}
          </div>
        ),
      }))}
    />
  );
}
