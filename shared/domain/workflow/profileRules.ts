// Adapter from the 地方口径 profile to the plain ProcedureRules the workflow takes.
import type { Profile } from '../profile';
import type { ProcedureRules } from './rules';

export function procedureRulesFromProfile(profile: Profile): ProcedureRules {
  const p = profile.procedure;
  return {
    leadContactHours: p.leadContactHours,
    publicNoticeDays: p.publicNoticeDays,
    publicNoticeDayKind: p.publicNoticeDayKind,
    stepWorkingDays: { ...p.stepWorkingDays },
    wholeProcedureWorkingDays: p.wholeProcedureWorkingDays,
    minVerifiers: p.minVerifiers,
    eliminationMinMonths: p.eliminationMinMonths,
    noEliminationWithoutLabour: profile.assistance.rules.noEliminationWithoutLabour,
    greenChannelWorkingDays: p.greenChannelWorkingDays,
    greenChannelColours: [...p.greenChannelColours],
    rejectionNoticeRequired: p.rejectionNoticeRequired,
    rejectionNoticeWorkingDays: p.rejectionNoticeWorkingDays,
    localHolidays: [...p.localHolidays],
    localWorkdays: [...p.localWorkdays],
    categories: profile.enums.monitoringCategories.map((c) => c.label),
    riskTypes: profile.enums.riskTypes.map((r) => r.label),
    maxRisks: profile.enums.maxRisksPerHousehold,
    actionPermissions: { ...p.actionPermissions },
  };
}
