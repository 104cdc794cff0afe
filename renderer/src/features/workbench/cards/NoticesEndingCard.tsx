import { api } from '../../../api/client';
import { DueTag } from '../../cases/procedureUi';
import { WorkCard } from './WorkCard';

/** 公示即将到期: notices still posted, the nearest end first (then the 公示 step can be closed). */
export function NoticesEndingCard() {
  return (
    <WorkCard
      testId="card-notices-ending"
      title="公示即将到期"
      morePath="/notices"
      empty="没有正在公示的名单。"
      load={async () => {
        const r = await api.call('notices.list', { filter: { active: true }, startRow: 0, endRow: 8 });
        return {
          total: r.total,
          items: r.rows.map((n) => ({ key: n.id, title: `${n.title}（${n.entryCount} 户${n.openObjectionCount ? `，未处理异议 ${n.openObjectionCount}` : ''}）`, due: <DueTag due={n.endDate} status={n.dueStatus} />, path: '/notices' })),
        };
      }}
    />
  );
}
