import { api } from '../../../api/client';
import { DueTag } from '../../cases/procedureUi';
import { WorkCard } from './WorkCard';

/** 48 小时待核实: leads still waiting for the village's contact and on-site check, nearest due first. */
export function LeadsDueCard() {
  return (
    <WorkCard
      testId="card-leads-due"
      title="48 小时待核实"
      morePath="/cases/leads"
      empty="没有待核实的线索。"
      load={async () => {
        const r = await api.call('leads.list', { filter: { status: 'awaitingContact' }, startRow: 0, endRow: 8 });
        return {
          total: r.total,
          items: r.rows.map((l) => ({ key: l.id, title: `${l.headName}（${l.villageName}）· ${l.channelLabel}`, due: <DueTag due={l.contactDueAt} status={l.dueStatus} time />, path: '/cases/leads' })),
        };
      }}
    />
  );
}
