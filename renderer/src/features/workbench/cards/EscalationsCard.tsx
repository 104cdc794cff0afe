import { Tag } from 'antd';
import { api } from '../../../api/client';
import { WorkCard } from './WorkCard';

/** 超 3 个月未消除: households whose risk is still open months after identification (加大帮扶力度). */
export function EscalationsCard() {
  return (
    <WorkCard
      testId="card-escalations"
      title="超期未消除（加大帮扶力度）"
      morePath="/assistance/followups"
      empty="没有超期未消除风险的监测户。"
      tone="orange"
      load={async () => {
        const r = await api.call('followups.escalations', { startRow: 0, endRow: 8 });
        return {
          total: r.total,
          items: r.rows.map((e) => ({
            key: e.householdId,
            title: `${e.headName}（${e.villageName}）· ${e.riskTypes.join('、') || '风险未消除'}`,
            due: <Tag color="orange">已 {e.monthsOpen} 个月</Tag>,
            path: `/household/${e.householdId}`,
          })),
        };
      }}
    />
  );
}
