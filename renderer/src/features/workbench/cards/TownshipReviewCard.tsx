import { api } from '../../../api/client';
import { CASE_KIND_LABELS } from '../../../../../shared/domain/workflow/caseState';
import { DueTag } from '../../cases/procedureUi';
import { WorkCard } from './WorkCard';

/** 待镇街审核: cases of both kinds whose 公示 is done and which wait for the township's review. */
export function TownshipReviewCard() {
  return (
    <WorkCard
      testId="card-township-review"
      title="待镇街审核"
      morePath="/cases/identification"
      empty="没有待镇街审核的案件。"
      load={async () => {
        const r = await api.call('cases.list', { filter: { step: 'townshipReview' }, startRow: 0, endRow: 8 });
        return {
          total: r.total,
          items: r.rows.map((c) => ({ key: c.id, title: `${c.headName}（${c.villageName}）· ${CASE_KIND_LABELS[c.kind]}`, due: <DueTag due={c.nextDue} status={c.dueStatus} />, path: `/case/${c.id}` })),
        };
      }}
    />
  );
}
