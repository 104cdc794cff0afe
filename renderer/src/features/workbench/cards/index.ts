import type { ComponentType } from 'react';
import { LeadsDueCard } from './LeadsDueCard';
import { NoticesEndingCard } from './NoticesEndingCard';
import { OverdueCard } from './OverdueCard';
import { TownshipReviewCard } from './TownshipReviewCard';
import { EscalationsCard } from './EscalationsCard';
import { VisitsDueCard } from './VisitsDueCard';

/**
 * The 工作台 to-do cards, in display order, each with the permission that shows it. Another feature
 * adds its card in its own file here and one line in this list.
 */
export const WORKBENCH_CARDS: { key: string; permission?: string; component: ComponentType }[] = [
  { key: 'overdue', permission: 'cases.read', component: OverdueCard },
  { key: 'leadsDue', permission: 'cases.read', component: LeadsDueCard },
  { key: 'noticesEnding', permission: 'cases.read', component: NoticesEndingCard },
  { key: 'townshipReview', permission: 'cases.read', component: TownshipReviewCard },
  { key: 'visitsDue', permission: 'register.read', component: VisitsDueCard },
  { key: 'escalations', permission: 'register.read', component: EscalationsCard },
];
