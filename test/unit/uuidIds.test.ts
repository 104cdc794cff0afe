import { describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../../electron/backend/runtime';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7Ids', () => {
  it('gives valid, unique, strictly increasing v7 ids across pool refills within one millisecond', () => {
    const ids = uuidV7Ids(() => 1_790_000_000_000);
    const made = Array.from({ length: 1000 }, () => ids.newId());
    for (const id of made) expect(id).toMatch(UUID_V7);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('carries the clock in the leading 48 bits and stays ordered when the clock steps back', () => {
    let now = 1_790_000_000_000;
    const ids = uuidV7Ids(() => now);
    const first = ids.newId();
    expect(Number.parseInt(first.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    now -= 5_000;
    const second = ids.newId();
    expect(second > first).toBe(true);
    now += 10_000;
    const third = ids.newId();
    expect(Number.parseInt(third.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});
