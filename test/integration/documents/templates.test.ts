/**
 * County templates: a .docx with placeholders named after the national labels, filled from the
 * same view model as the built-in form; validation in Chinese; the documented placeholder list.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../../electron/backend/documents/layout';
import { toTemplateData } from '../../../electron/backend/documents/template-data';
import { TEMPLATE_FIELDS } from '../../../electron/backend/documents/template-fields';
import { fillFormTemplate, fillTemplate, listPlaceholders, validateTemplate } from '../../../electron/backend/documents/templates';
import { DomainError } from '../../../shared/domain/errors';
import { readDocx } from './docx-read';
import { HEAD_ID, HEAD_NAME, income, intake, members, publicNotice } from './fixtures';

/** A county template made in "Word": each string is one paragraph; `rows` makes a table. */
async function template(lines: string[], rows?: string[][]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = lines.map((l) => new Paragraph({ children: [new TextRun(l)] }));
  if (rows) {
    children.push(
      new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
    );
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('fillTemplate', () => {
  it('fills household fields, formatted money and dates, and repeats table rows for members', async () => {
    const bytes = await template(
      ['{县}{乡镇}{村}', '户主：{户主姓名}，证件号码：{ 证件号码 }', '人均纯收入：{人均纯收入}元；核算期间：{核算期间起}至{核算期间止}', '户主签字：{户主签字}'],
      [
        ['序号', '姓名', '证件号码', '与户主关系'],
        ['{#成员}{序号}', '{姓名}', '{证件号码}', '{与户主关系}{/成员}'],
      ],
    );
    expect(validateTemplate(bytes, 'intake')).toEqual([]);
    const doc = await readDocx(fillFormTemplate('intake', bytes, intake));
    expect(doc.text).toContain('平江县三市镇红星村');
    expect(doc.text).toContain(`户主：${HEAD_NAME}，证件号码：${HEAD_ID}`);
    expect(doc.text).toContain(`人均纯收入：${formatYuan(income.人均纯收入)}元；核算期间：2025年11月至2026年10月`);
    expect(doc.text).toContain('户主签字：已电子签名');
    const rows = doc.tables[0].slice(1);
    expect(rows).toEqual(members.map((m, i) => [String(i + 1), m.姓名, m.证件号码, m.与户主关系]));
  });

  it('prints loop fields of derived rows (收入明细) and signature status of each verifier', async () => {
    const bytes = await template(['{#收入明细}{代码} {项目} {金额}；{/收入明细}', '{#核实人}{姓名}（{签字}）{/核实人}']);
    const data = toTemplateData('intake', intake);
    const doc = await readDocx(fillTemplate(bytes, data));
    expect(doc.text).toContain(`A 工资性收入合计 ${formatYuan(income.工资性收入)}；`);
    expect(doc.text).toContain('A1 务工收入 18000.00；');
    expect(doc.text).toContain('李建国（已电子签名）');
    expect(doc.text).toContain('周红梅（纸质签字）');
  });

  it('flattens only documented fields, all as strings', () => {
    const data = toTemplateData('intake', intake);
    const names = new Set(TEMPLATE_FIELDS.intake.map((f) => f.name));
    expect(Object.keys(data).every((k) => names.has(k))).toBe(true);
    expect(data.家庭人口数).toBe(String(members.length));
    expect(data.住房安全保障).toBe('不达标');
    expect(data.住房安全保障情况).toBe('住房鉴定为C级危房');
    expect(data.风险).toBe('因病、住房安全');
    expect(data.是否军烈属).toBe('否');
  });

  it('fills a public template without any personal field, and refuses leaking free text', async () => {
    const bytes = await template(['{村}拟纳入名单', '{#名单}{序号}.{户主姓名}（{家庭人口数}人）{备注}{/名单}']);
    const doc = await readDocx(fillFormTemplate('publicNotice', bytes, publicNotice));
    expect(doc.text).toContain(`1.${HEAD_NAME}（4人）`);
    const leaky = { ...publicNotice, 名单: [{ ...publicNotice.名单[0], 备注: `身份证${HEAD_ID}` }] };
    expect(() => fillFormTemplate('publicNotice', bytes, leaky)).toThrow(DomainError);
    expect(Object.keys(toTemplateData('publicNotice', publicNotice).名单[0] as object)).not.toContain('证件号码');
  });
});

describe('validateTemplate', () => {
  it('names unknown placeholders', async () => {
    const errors = validateTemplate(await template(['{户主名字}', '{户主姓名}']), 'intake');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('未知占位符「{户主名字}」');
  });

  it('refuses personal fields in public templates with the rule', async () => {
    const errors = validateTemplate(await template(['{#名单}{户主姓名}{证件号码}{/名单}']), 'publicNotice');
    expect(errors).toEqual([expect.stringContaining('公示公告模板不得使用「{证件号码}」')]);
  });

  it('knows loop fields from plain ones', async () => {
    const errors = validateTemplate(await template(['{成员}', '{#户主姓名}x{/户主姓名}']), 'intake');
    expect(errors).toEqual([expect.stringContaining('「{成员}」是循环字段'), expect.stringContaining('「{#户主姓名}」不是循环字段')]);
  });

  it('reports broken syntax in Chinese', async () => {
    const unclosed = validateTemplate(await template(['户主：{户主姓名']), 'intake');
    expect(unclosed[0]).toContain('缺少右花括号');
    const loop = validateTemplate(await template(['{#成员}{姓名}']), 'intake');
    expect(loop[0]).toContain('没有结束标记「{/成员}」');
    const mismatch = validateTemplate(await template(['{#成员}{姓名}{/核实人}']), 'intake');
    expect(mismatch.join('')).toMatch(/不一致|没有结束标记|前没有开始标记/);
  });

  it('rejects files that are not .docx', () => {
    const errors = validateTemplate(new TextEncoder().encode('这不是Word文件'), 'intake');
    expect(errors[0]).toContain('不是有效的 Word（.docx）文件');
  });

  it('fillTemplate throws the same Chinese errors as a validation DomainError', async () => {
    const error = (() => {
      try {
        fillTemplate(new Uint8Array(Buffer.from('x')), {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
  });
});

describe('listPlaceholders', () => {
  it('documents every placeholder in Chinese, loops with their fields', () => {
    const list = listPlaceholders('intake');
    expect(list).toContainEqual({ 占位符: '{户主姓名}', 说明: '户主姓名' });
    const loop = list.find((p) => p.占位符 === '{#成员}…{/成员}');
    expect(loop?.循环字段?.map((c) => c.占位符)).toContain('{证件号码}');
    const publicTags = listPlaceholders('publicNotice').flatMap((p) => [p.占位符, ...(p.循环字段 ?? []).map((c) => c.占位符)]);
    expect(publicTags).toContain('{户主姓名}');
    for (const forbidden of ['证件号码', '联系电话', '健康状况', '银行账号']) expect(publicTags.join()).not.toContain(forbidden);
  });
});
