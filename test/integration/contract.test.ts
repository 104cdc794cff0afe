import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/api/contract';
import { allHandlers } from '../../electron/backend/handlers/index';
import { PERMISSIONS } from '../../shared/domain/permissions';

describe('the API contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    const handlers = allHandlers();
    expect(methodNames.filter((m) => !(m in handlers))).toEqual([]);
    expect(Object.keys(handlers).filter((h) => !(h in contract))).toEqual([]);
  });

  it('names methods aggregate.verb and declares a known access rule and a Chinese summary', () => {
    for (const name of methodNames) {
      const def = contract[name];
      expect(name).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
      expect(['public', 'authenticated', ...PERMISSIONS]).toContain(def.access);
      expect(def.summary).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('exports every input and output as JSON Schema (GET /api/methods)', () => {
    for (const name of methodNames) {
      expect(() => z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' })).not.toThrow();
      expect(() => z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' })).not.toThrow();
    }
  });
});
