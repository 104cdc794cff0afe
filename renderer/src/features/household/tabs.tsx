import type { ComponentType } from 'react';
import type { Household } from '../../../../shared/api/schemas/household';
import { AssessmentTab } from './AssessmentTab';
import { BasicInfoTab } from './BasicInfoTab';
import { CaseTimelineTab } from './CaseTimelineTab';
import { DossierTab } from './DossierTab';
import { FollowupsTab } from './FollowupsTab';
import { HistoryTab } from './HistoryTab';
import { IncomeTab } from './IncomeTab';
import { MeasuresTab } from './MeasuresTab';
import { MembersTab } from './MembersTab';
import { RisksTab } from './RisksTab';

export interface HouseholdTabProps {
  household: Household;
  reload: () => Promise<void>;
}

/**
 * The tabs of the household page (UI.md order): 基本信息 · 家庭成员 · 收入核算 · 三保障评估 ·
 * 风险与类别 · 帮扶措施 · 走访记录 · 流程记录 · 文书档案 · 变更历史. Each tab's file belongs to its feature.
 */
export const HOUSEHOLD_TABS: { key: string; label: string; permission?: string; component: ComponentType<HouseholdTabProps> }[] = [
  { key: 'basic', label: '基本信息', component: BasicInfoTab },
  { key: 'members', label: '家庭成员', component: MembersTab },
  { key: 'income', label: '收入核算', component: IncomeTab },
  { key: 'assessment', label: '三保障评估', component: AssessmentTab },
  { key: 'risks', label: '风险与类别', component: RisksTab },
  { key: 'measures', label: '帮扶措施', component: MeasuresTab },
  { key: 'followups', label: '走访记录', component: FollowupsTab },
  { key: 'cases', label: '流程记录', permission: 'cases.read', component: CaseTimelineTab },
  { key: 'dossier', label: '文书档案', component: DossierTab },
  { key: 'history', label: '变更历史', permission: 'audit.read', component: HistoryTab },
];
