import { describe, expect, it } from 'vitest';
import { parseProfile, SEED_PROFILE } from '../../shared/domain/profile';
import { advance } from '../../shared/domain/workflow/machine';
import { openIdentificationCase } from '../../shared/domain/workflow/identification';
import { procedureRulesFromProfile } from '../../shared/domain/workflow/profileRules';
import { ACTION_LABELS } from '../../shared/domain/workflow/rules';
import { IDENTIFICATION_DATA, refusal } from './workflow-fixtures';

describe('procedureRulesFromProfile', () => {
  it('copies the procedure section and takes categories, risks and the labour rule from the rest', () => {
    const profile = parseProfile(SEED_PROFILE);
    const rules = procedureRulesFromProfile(profile);
    expect(rules.minVerifiers).toBe(profile.procedure.minVerifiers);
    expect(rules.publicNoticeDays).toBe(profile.procedure.publicNoticeDays);
    expect(rules.categories).toEqual(profile.enums.monitoringCategories.map((c) => c.label));
    expect(rules.riskTypes).toContain('因病');
    expect(rules.maxRisks).toBe(profile.enums.maxRisksPerHousehold);
    expect(rules.noEliminationWithoutLabour).toBe(profile.assistance.rules.noEliminationWithoutLabour);
    expect(Object.keys(rules.actionPermissions).sort()).toEqual(Object.keys(ACTION_LABELS).sort());
  });

  it('a changed profile changes what the workflow enforces', () => {
    const strict = parseProfile({ ...SEED_PROFILE, procedure: { ...SEED_PROFILE.procedure, minVerifiers: 3 } });
    const ctx = {
      now: new Date('2026-03-13T09:00:00+08:00'),
      rules: procedureRulesFromProfile(strict),
      actorPermissions: ['cases.village' as const],
      actor: { id: 'u1', name: '李经办' },
    };
    const opened = openIdentificationCase({ caseId: 'c1', householdId: 'h1', existingCases: [], openedOn: '2026-03-02' }, ctx);
    const applied = advance(opened, 'apply', IDENTIFICATION_DATA.apply, ctx);
    expect(refusal(() => advance(applied, 'verify', IDENTIFICATION_DATA.verify, ctx)).message).toContain('不少于 3 人');
  });
});
