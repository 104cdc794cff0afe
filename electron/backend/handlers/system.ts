import { schemaVersion } from '../db/migrate';
import { FixedClock } from '../runtime';
import { DomainError } from '../../../shared/domain/errors';
import type { HandlerTable } from './types';

export const APP_VERSION = '0.1.0';

export const systemHandlers: HandlerTable = {
  'system.health': (ctx) => ({ version: APP_VERSION, schemaVersion: schemaVersion(ctx.db), readOnly: ctx.services.readOnly, now: ctx.nowIso() }),
};

/** Registered only in --test-mode (dispatch refuses testOnly methods otherwise). */
export const testingHandlers: HandlerTable = {
  'test.setClock': (ctx, { now }) => {
    fixed(ctx.services.clock).set(now);
    return { now: ctx.nowIso() };
  },
  'test.advanceClock': (ctx, { hours }) => {
    fixed(ctx.services.clock).advanceHours(hours);
    return { now: ctx.nowIso() };
  },
};

function fixed(clock: unknown): FixedClock {
  if (!(clock instanceof FixedClock)) throw new DomainError('validation', '测试时钟未启用：请以 --now 启动。');
  return clock;
}
