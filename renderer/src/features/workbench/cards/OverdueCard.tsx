import { api } from '../../../api/client';
import { CASE_KIND_LABELS } from '../../../../../shared/domain/workflow/caseState';
import { DueTag } from '../../cases/procedureUi';
import { WorkCard, type WorkItem } from './WorkCard';

/** 逾期事项 (orange): overdue case steps and leads past their 48-hour contact. */
export function OverdueCard() {
  return (
    <WorkCard
      testId="card-overdue"
      tone="orange"
      title="逾期事项"
      morePath="/cases/identification"
      empty="没有逾期事项。"
      load={async () => {
        const [cases, leads] = await Promise.all([
          api.call('cases.list', { filter: { due: 'overdue' }, startRow: 0, endRow: 8 }),
          api.call('leads.list', { filter: { due: 'overdue' }, startRow: 0, endRow: 8 }),
        ]);
        const items: WorkItem[] = [
          ...cases.rows.map((c) => ({ key: c.id, title: `${c.headName} · ${CASE_KIND_LABELS[c.kind]} · ${c.currentStepLabel ?? ''}`, due: <DueTag due={c.nextDue} status={c.dueStatus} />, path: `/case/${c.id}` })),
          ...leads.rows.map((l) => ({ key: l.id, title: `${l.headName} · 线索${l.status === 'awaitingContact' ? '待核实' : '告知书待送达'}`, due: <DueTag due={l.status === 'awaitingContact' ? l.contactDueAt : l.writtenNoticeDue} status={l.dueStatus} time={l.status === 'awaitingContact'} />, path: '/cases/leads' })),
        ];
        return { total: cases.total + leads.total, items: items.slice(0, 8) };
      }}
    />
  );
}
