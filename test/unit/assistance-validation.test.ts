import { describe, expect, it } from 'vitest';
import { validateFollowup, validateMeasure, validatePeriod } from '../../shared/domain/assistanceValidation';
import { SEED_PROFILE } from '../../shared/domain/profile';

const TODAY = '2026-11-29';
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('measure fields against the profile', () => {
  it('accepts a planned measure with future planned dates', () => {
    expect(validateMeasure({ category: 'industry', item: '产业奖补', priority: '优先安排产业扶贫项目', status: 'planned', plannedStart: '2027-03-01', plannedEnd: '2027-06-30' }, SEED_PROFILE, TODAY)).toEqual([]);
  });
  it('refuses an unknown category, an item of another category and an unknown 八个优先', () => {
    expect(paths(validateMeasure({ category: 'x', status: 'planned' }, SEED_PROFILE, TODAY))).toEqual(['category']);
    expect(paths(validateMeasure({ category: 'health', item: '劳务输出', priority: '优先发钱', status: 'planned' }, SEED_PROFILE, TODAY))).toEqual(['item', 'priority']);
  });
  it('asks for the actual dates a status implies, in order, not in the future', () => {
    expect(paths(validateMeasure({ category: 'health', status: 'ended' }, SEED_PROFILE, TODAY))).toEqual(['actualStart', 'actualEnd']);
    expect(paths(validateMeasure({ category: 'health', status: 'planned', actualEnd: '2026-11-01' }, SEED_PROFILE, TODAY))).toEqual(['status']);
    const issues = validateMeasure({ category: 'health', status: 'ended', actualStart: '2026-11-20', actualEnd: '2026-12-02' }, SEED_PROFILE, TODAY);
    expect(issues).toEqual([{ path: 'actualEnd', message: '「实际结束日期」不能晚于今天（2026-11-29），请核对。' }]);
    expect(paths(validateMeasure({ category: 'health', status: 'ended', actualStart: '2026-11-20', actualEnd: '2026-11-02' }, SEED_PROFILE, TODAY))).toEqual(['actualEnd']);
    expect(paths(validateMeasure({ category: 'health', status: 'planned', plannedStart: '2026-02-30' }, SEED_PROFILE, TODAY))).toEqual(['plannedStart']);
  });
});

describe('visit fields', () => {
  it('refuses a future visit and a risk type the profile does not know', () => {
    expect(validateFollowup({ visitDate: TODAY, newRisks: ['因病'] }, SEED_PROFILE, TODAY)).toEqual([]);
    expect(paths(validateFollowup({ visitDate: '2026-11-30', newRisks: ['因穷'] }, SEED_PROFILE, TODAY))).toEqual(['visitDate', 'newRisks.0']);
  });
});

describe('pairing period', () => {
  it('needs real dates and an end not before the start; an open end is fine', () => {
    expect(validatePeriod('2026-01-01', null)).toEqual([]);
    expect(paths(validatePeriod('2026-01-01', '2025-12-31'))).toEqual(['endDate']);
    expect(paths(validatePeriod('2026-13-01', undefined))).toEqual(['startDate']);
  });
});
