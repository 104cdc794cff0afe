import { randomFillSync } from 'node:crypto';
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

const POOL_BYTES = 16 * 256;

/**
 * UUIDv7 ids (RFC 9562), strictly increasing within this process (same-millisecond ids take the next
 * counter value, as uuid's own v7 does). Random bytes come from a pooled 4 KB fill: one
 * getRandomValues call per id cost ~7 µs and was the largest single item of a 10k-household import.
 */
export function uuidV7Ids(nowMs: () => number = Date.now): Ids {
  const pool = new Uint8Array(POOL_BYTES);
  let used = POOL_BYTES;
  let lastMs = -Infinity;
  let seq = 0;
  return {
    newId() {
      if (used === POOL_BYTES) {
        randomFillSync(pool);
        used = 0;
      }
      const random = pool.subarray(used, (used += 16));
      const ms = nowMs();
      if (ms > lastMs) {
        lastMs = ms;
        // A fresh millisecond starts the 31-bit counter at a random value (RFC 9562 §6.2, method 1).
        seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
      } else {
        seq = (seq + 1) | 0;
        if (seq === 0) lastMs += 1;
      }
      return uuidv7({ random, msecs: lastMs, seq });
    },
  };
}

export const uuidIds: Ids = uuidV7Ids();

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
