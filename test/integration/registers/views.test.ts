import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { count } from './fixtures';

describe('views.*: personal saved register views', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('saves, overwrites by name, lists per user and register, deletes, with audit', async () => {
    await t.call('views.save', { register: 'households', name: '红色户', filter: { colour: 'red' }, columns: ['headName', 'colour'], sort: [{ colId: 'headName', sort: 'asc' }] });
    await t.call('views.save', { register: 'households', name: '红色户', filter: { colour: 'red', status: 'monitoring' }, columns: ['headName'] });
    const r = await t.call('views.save', { register: 'households', name: '脱贫户', filter: { householdType: '脱贫户' } });
    expect(r.views.map((v) => v.name)).toEqual(['红色户', '脱贫户']);
    expect(r.views[0].filter).toEqual({ colour: 'red', status: 'monitoring' });
    expect(r.views[0].columns).toEqual(['headName']);
    expect((await t.call('views.list', { register: 'members' })).views).toEqual([]);
    const other = { ...t.admin, userId: 'someone-else', username: 'other' };
    expect((await t.call('views.list', { register: 'households' }, other)).views).toEqual([]);
    const left = await t.call('views.delete', { register: 'households', name: '红色户' });
    expect(left.views.map((v) => v.name)).toEqual(['脱贫户']);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'settings' AND summary LIKE '%户籍名册视图%'`)).toBe(4);
  });

  it('refuses an empty name and deleting a view that does not exist, in Chinese', async () => {
    const empty = await t.fail('views.save', { register: 'households', name: ' ' });
    expect(empty.code).toBe('validation');
    expect(empty.message).toContain('名称');
    const missing = await t.fail('views.delete', { register: 'households', name: '不存在' });
    expect(missing.message).toContain('没有名为「不存在」的视图');
  });
});
