import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../shared/domain/profile';
import { gradeText, gradeUnconfirmed, proposeForSchoolYear, proposeNextGrade, schoolYearLabel, schoolYearOf } from '../../shared/domain/schoolYear';

const stages = SEED_PROFILE.enums.schoolStages;

describe('school years start on 1 September', () => {
  it('names the school year by the year it starts in', () => {
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2027-01-15')).toBe(2026);
    expect(schoolYearLabel(2026)).toBe('2026–2027学年');
  });

  it('flags current students not confirmed for the school year of today', () => {
    const student = { schoolStage: '小学', schoolGrade: 3, schoolYearConfirmed: '2025' };
    expect(gradeUnconfirmed(student, '2026-08-31')).toBe(false);
    expect(gradeUnconfirmed(student, '2026-09-01')).toBe(true);
    expect(gradeUnconfirmed({ ...student, schoolYearConfirmed: null }, '2026-08-31')).toBe(true);
    expect(gradeUnconfirmed({ ...student, schoolStage: null }, '2026-09-01')).toBe(false);
    expect(gradeUnconfirmed({ ...student, leftAt: '2026-05-01' }, '2026-09-01')).toBe(false);
  });
});

describe('proposeNextGrade', () => {
  it('goes up one grade a year within a stage', () => {
    expect(proposeNextGrade({ stage: '小学', grade: 3 }, stages, 1)).toMatchObject({ stage: '小学', grade: 4, needsDecision: false });
    expect(proposeNextGrade({ stage: '小学', grade: 3 }, stages, 2)).toMatchObject({ stage: '小学', grade: 5 });
  });

  it('moves into the next compulsory stage, and leaves the choice to the clerk after a non-compulsory one', () => {
    expect(proposeNextGrade({ stage: '小学', grade: 6 }, stages, 1)).toMatchObject({ stage: '初中', grade: 1, note: '小学毕业，升入初中' });
    expect(proposeNextGrade({ stage: '学前教育', grade: 3 }, stages, 1)).toMatchObject({ stage: '小学', grade: 1 });
    expect(proposeNextGrade({ stage: '小学', grade: 5 }, stages, 3)).toMatchObject({ stage: '初中', grade: 2 });
    const afterJunior = proposeNextGrade({ stage: '初中', grade: 3 }, stages, 1);
    expect(afterJunior).toMatchObject({ stage: null, grade: null, needsDecision: true });
    expect(afterJunior.note).toContain('初中已毕业');
  });

  it('follows a 五四制 profile (小学 5 grades)', () => {
    const fiveFour = stages.map((s) => (s.label === '小学' ? { ...s, grades: 5 } : s.label === '初中' ? { ...s, grades: 4 } : s));
    expect(proposeNextGrade({ stage: '小学', grade: 5 }, fiveFour, 1)).toMatchObject({ stage: '初中', grade: 1 });
    expect(proposeNextGrade({ stage: '初中', grade: 3 }, fiveFour, 1)).toMatchObject({ stage: '初中', grade: 4 });
  });

  it('asks the clerk when the stage is unknown, the grade is missing or it was never confirmed', () => {
    expect(proposeNextGrade({ stage: '夜校', grade: 1 }, stages, 1).needsDecision).toBe(true);
    expect(proposeNextGrade({ stage: '小学', grade: null }, stages, 1)).toMatchObject({ grade: null, needsDecision: true });
    expect(proposeForSchoolYear({ schoolStage: '小学', schoolGrade: 2, schoolYearConfirmed: null }, 2026, stages)).toMatchObject({ stage: '小学', grade: 2, needsDecision: true });
    expect(proposeForSchoolYear({ schoolStage: '小学', schoolGrade: 2, schoolYearConfirmed: '2026' }, 2026, stages)).toMatchObject({ grade: 2, needsDecision: false });
    expect(proposeForSchoolYear({ schoolStage: '小学', schoolGrade: 2, schoolYearConfirmed: '2024' }, 2026, stages)).toMatchObject({ grade: 4 });
  });

  it('writes grades as clerks say them', () => {
    expect(gradeText('小学', 4)).toBe('小学4年级');
    expect(gradeText(null, null)).toBe('不在校');
  });
});
