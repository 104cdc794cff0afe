import { describe, expect, it } from 'vitest';
import { advance, sendBack } from '../../shared/domain/workflow/machine';
import { openGreenChannel, openIdentificationCase } from '../../shared/domain/workflow/identification';
import { caseDueStatus, stepDeadlines } from '../../shared/domain/workflow/stepDeadlines';
import { ctxAt, identificationAt, LATE_CTX, openCase, RULES, verifyData } from './workflow-fixtures';

describe('stepDeadlines', () => {
  it('gives the open step, projected later steps and the whole-procedure due date', () => {
    const d = stepDeadlines(identificationAt('verify'), RULES);
    expect(d.steps.map((s) => [s.step, s.state, s.from, s.due])).toEqual([
      ['verify', 'open', '2026-03-02', '2026-03-04'],
      ['deliberate', 'projected', '2026-03-04', '2026-03-06'],
      // No own limit: due when the 7-day 公示 may first close (Sat 03-14), moved to Monday.
      ['notice', 'projected', '2026-03-06', '2026-03-16'],
      ['townshipReview', 'projected', '2026-03-16', '2026-03-18'],
      ['countyDecision', 'projected', '2026-03-18', '2026-03-23'],
    ]);
    expect(d.wholeDue).toBe('2026-03-23');
    expect(d.greenChannelDue).toBeNull();
  });

  it('a step without a limit has no due date, and neither have the steps it feeds', () => {
    const d = stepDeadlines(openCase(), RULES);
    expect(d.steps[0]).toMatchObject({ step: 'apply', from: '2026-03-02', due: null });
    expect(d.steps[1].due).toBeNull();
    expect(d.wholeDue).toBe('2026-03-23');
  });

  it('counts working days across 国庆 and restarts the open step after a send-back', () => {
    const ctx = ctxAt('2025-10-20 10:00');
    const applied = advance(
      openIdentificationCase({ caseId: 'c1', householdId: 'h1', existingCases: [], openedOn: '2025-09-29' }, ctx),
      'apply',
      { date: '2025-09-30', applicantName: '王大山', receivedBy: '张秀英', commitment: true, authorisation: true, mark: { signed: true, fingerprint: false, medium: 'paper' } },
      ctx,
    );
    const d = stepDeadlines(applied, RULES);
    expect(d.steps[0].due).toBe('2025-10-10');
    // 15 working days from 09-30: 10-09 … incl. the make-up Saturday 10-11 … 10-28.
    expect(d.wholeDue).toBe('2025-10-28');
    const verified = advance(applied, 'verify', verifyData('2025-10-09'), ctx);
    const back = sendBack(verified, 'verify', '核实表缺签字', ctx);
    expect(stepDeadlines(back, RULES).steps[0]).toMatchObject({ step: 'verify', from: '2025-10-20', due: '2025-10-22' });
  });

  it('includes the 绿色通道 deadline and reports nothing for a closed case', () => {
    const green = openGreenChannel(openCase(), { grade: 'red', reason: '火灾', assistanceStartedOn: '2026-03-02' }, LATE_CTX);
    expect(stepDeadlines(green, RULES).greenChannelDue).toBe('2026-03-23');
    expect(stepDeadlines(identificationAt('done'), RULES)).toEqual({ steps: [], wholeDue: null, greenChannelDue: null });
  });
});

describe('caseDueStatus', () => {
  it('is the most urgent of the open step, the whole procedure and the 绿色通道', () => {
    const state = identificationAt('verify');
    expect(caseDueStatus(state, ctxAt('2026-03-02 10:00').now, RULES)).toBe('ok');
    expect(caseDueStatus(state, ctxAt('2026-03-03 10:00').now, RULES)).toBe('dueSoon');
    expect(caseDueStatus(state, ctxAt('2026-03-05 00:00').now, RULES)).toBe('overdue');
    expect(caseDueStatus(identificationAt('done'), ctxAt('2026-03-05 00:00').now, RULES)).toBeNull();
  });
});
