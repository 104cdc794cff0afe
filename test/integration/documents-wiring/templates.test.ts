// 模板管理 through the API: a county .docx is checked (problems in Chinese), registered (file kind
// 'template' + a row, audited and in the change log), listed, and filled for a household with the same
// data and privacy rules as the built-in form.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { readDocx } from '../documents/docx-read';
import { buildScenario, fileBytes, HEAD, HEAD_ID, type Scenario } from './scenario';

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
}, 60_000);
afterAll(() => t.close());

/** A county template typed in Word, uploaded as POST /files would store it. */
async function upload(lines: string[], name = '县采集表.docx'): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }));
  return t.backend.services.files.put(bytes, { originalName: name, kind: 'upload', createdBy: 'admin', at: t.clock.now().toISOString() }).id;
}

describe('templates.*', () => {
  it('checks, registers, lists and fills a county template', async () => {
    const token = await upload(['{县}{乡镇}{村} 户主：{户主姓名} 证件号码：{证件号码}', '{#成员}{姓名}/{与户主关系}；{/成员}', '人均纯收入：{人均纯收入}元']);
    const check = await t.call('templates.check', { token, form: 'intake' });
    expect(check.problems).toEqual([]);
    expect(check.placeholders).toEqual(expect.arrayContaining(['户主姓名', '证件号码', '成员', '人均纯收入']));
    const record = await t.call('templates.register', { token, name: '平江县采集表', form: 'intake' });
    expect(record.formTitle).toBe('防止返贫监测对象信息采集表');
    expect(t.backend.services.files.meta(record.fileId).kind).toBe('template');
    const db = t.backend.services.db;
    expect((db.prepare(`SELECT count(*) AS n FROM change_log WHERE entity = 'document_template'`).get() as { n: number }).n).toBe(1);
    expect((await t.call('templates.list', { form: 'intake' })).map((x) => x.id)).toEqual([record.id]);

    const filled = await t.call('templates.fill', { templateId: record.id, householdId: s.householdId });
    expect(filled.name).toContain('平江县采集表');
    const doc = await readDocx(fileBytes(t, filled.fileId));
    expect(doc.text).toContain(`平江县青山镇青山村 户主：${HEAD} 证件号码：${HEAD_ID}`);
    expect(doc.text).toContain(`${HEAD}/户主；李秀英/配偶；王小明/之子；`);
    expect((await t.call('documents.files', { householdId: s.householdId })).some((f) => f.id === filled.fileId)).toBe(true);

    await t.call('templates.remove', { id: record.id, rowVersion: record.rowVersion });
    expect(await t.call('templates.list', {})).toEqual([]);
  });

  it('explains what is wrong with a template in Chinese and does not store it', async () => {
    const broken = await upload(['户主：{户主姓名', '{身份证}']);
    const check = await t.call('templates.check', { token: broken, form: 'intake' });
    expect(check.problems.join('')).toMatch(/缺少右花括号|未知占位符/);
    const refused = await t.fail('templates.register', { token: broken, name: '坏模板', form: 'intake' });
    expect(refused.code).toBe('validation');
    const publicWithId = await upload(['{#名单}{户主姓名}{证件号码}{/名单}']);
    const privacy = await t.call('templates.check', { token: publicWithId, form: 'publicNotice' });
    expect(privacy.problems.join('')).toContain('公示公告模板不得使用「{证件号码}」');
    expect((t.backend.services.db.prepare(`SELECT count(*) AS n FROM document_templates WHERE deleted_at IS NULL`).get() as { n: number }).n).toBe(0);
  });

  it('lists the documented placeholders of a form', async () => {
    const list = await t.call('templates.placeholders', { form: 'publicNotice' });
    const names = list.map((p) => p.占位符);
    expect(names).toContain('{#名单}…{/名单}');
    expect(JSON.stringify(list)).not.toContain('"{证件号码}"');
    expect(JSON.stringify(list)).not.toContain('"{联系电话}"');
  });
});
