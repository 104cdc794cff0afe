import { z } from 'zod';
import { method } from '../define';
import { isoDateTime } from '../schemas/common';

// Only registered when the backend runs with --test-mode: training and e2e tests move the clock.
export const testingMethods = {
  'test.setClock': method({
    input: z.strictObject({ now: isoDateTime }),
    output: z.object({ now: z.string() }),
    access: 'public',
    write: false,
    summary: '（仅测试模式）设置后端时钟',
    testOnly: true,
  }),
  'test.advanceClock': method({
    input: z.strictObject({ hours: z.number().min(0).max(24 * 3660) }),
    output: z.object({ now: z.string() }),
    access: 'public',
    write: false,
    summary: '（仅测试模式）后端时钟前进若干小时',
    testOnly: true,
  }),
};
