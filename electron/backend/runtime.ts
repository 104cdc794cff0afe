import { v7 as uuidv7 } from 'uuid';

/** Injected time: deadlines, audit stamps and sessions all read this, never Date.now(). */
export interface Clock {
  now(): Date;
}

/** Injected ids: UUIDv7 in production (time-ordered, globally unique across townships). */
export interface Ids {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: tests, demos and training (--now). */
export class FixedClock implements Clock {
  private ms: number;
  constructor(iso: string) {
    this.ms = Date.parse(iso);
    if (Number.isNaN(this.ms)) throw new Error(`invalid clock time: ${iso}`);
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`invalid clock time: ${iso}`);
    this.ms = ms;
  }
  advanceHours(hours: number): void {
    this.ms += hours * 3_600_000;
  }
}

export const uuidIds: Ids = { newId: () => uuidv7() };

/** Deterministic ids for tests: still valid UUID shape, ordered by creation. */
export function sequentialIds(prefix = '00000000'): Ids {
  let n = 0;
  return {
    newId: () => {
      n += 1;
      return `${prefix}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}
