import { Tag } from 'antd';
import { api } from '../../../api/client';
import { ColourTag } from '../../common/ColourTag';
import { WorkCard } from './WorkCard';

/** 本月待走访: monitored households not yet visited this month (overdue ones first), by the backend's month. */
export function VisitsDueCard() {
  return (
    <WorkCard
      testId="card-visits-due"
      title="本月待走访"
      morePath="/assistance/followups"
      empty="本月的监测户都已走访。"
      load={async () => {
        // Each call works out the whole month for every 监测户 (~12k in a county): ask for the pending
        // ones only when the overdue ones do not fill the card. Totals are the same in both answers.
        const overdue = await api.call('followups.coverage', { visitState: 'overdue', startRow: 0, endRow: 8 });
        const room = 8 - overdue.households.rows.length;
        const pending = room > 0 ? (await api.call('followups.coverage', { visitState: 'pending', startRow: 0, endRow: room })).households.rows : [];
        const rows = [...overdue.households.rows.map((h) => ({ h, late: true })), ...pending.map((h) => ({ h, late: false }))];
        return {
          total: overdue.totals.pending + overdue.totals.overdue,
          items: rows.map(({ h, late }) => ({
            key: h.householdId,
            title: (
              <span>
                <ColourTag colour={h.colour} /> {h.headName}（{h.villageName}）{h.cadreNames.length ? `· ${h.cadreNames.join('、')}` : ''}
              </span>
            ),
            due: late ? <Tag color="orange">逾期</Tag> : <Tag>未走访</Tag>,
            path: `/household/${h.householdId}`,
          })),
        };
      }}
    />
  );
}
