/**
 * Each standard form built from a fixture view model, unzipped, and checked cell by cell: the
 * household's data must be in the right cells of word/document.xml.
 */
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../electron/backend/documents/registry';
import { formatChineseDate, formatYuan } from '../../../electron/backend/documents/layout';
import { cellAfter, cellXmlContaining, readDocx, rowWith } from './docx-read';
import {
  application,
  approval,
  elimination,
  HEAD_ID,
  HEAD_NAME,
  HEAD_PHONE,
  income,
  incomeSheet,
  intake,
  measures,
  members,
  minutes,
  rejection,
} from './fixtures';

describe('信息采集表', () => {
  it('puts the household block, members, income and checks in their cells', async () => {
    const doc = await readDocx(await buildDocx('intake', intake));
    expect(cellAfter(doc, '户主姓名')).toBe(HEAD_NAME);
    expect(cellAfter(doc, '证件号码')).toBe(HEAD_ID);
    expect(HEAD_ID.endsWith('X')).toBe(true);
    expect(cellAfter(doc, '联系电话')).toBe(HEAD_PHONE);
    expect(cellAfter(doc, '家庭人口数')).toBe(`${members.length}人`);
    expect(cellAfter(doc, '户类型')).toBe('□脱贫户\u3000☑一般农户');
    expect(cellAfter(doc, '监测对象类别')).toContain('☑边缘易致贫户');
    expect(cellAfter(doc, '致贫/返贫风险（可多选，最多5项）')).toMatch(/☑因病.*☑住房安全/);
    members.forEach((m, i) => {
      expect(rowWith(doc, String(i + 1), m.姓名, m.证件号码, m.与户主关系)).toBeDefined();
      expect(rowWith(doc, String(i + 1), m.姓名, m.健康状况, m.劳动技能)).toBeDefined();
    });
    expect(cellAfter(doc, '工资性收入')).toBe(formatYuan(income.工资性收入));
    expect(cellAfter(doc, '纯收入')).toBe(formatYuan(income.纯收入));
    expect(cellAfter(doc, '人均纯收入')).toBe(formatYuan(income.人均纯收入));
    expect(cellAfter(doc, '与监测范围比较')).toContain(`低于当年监测范围${formatYuan(income.监测范围)}元`);
    expect(cellAfter(doc, '是否住房出现安全问题')).toBe('☑是 □否');
    expect(cellAfter(doc, '是否饮水出现安全问题')).toBe('□是 ☑否');
    expect(cellAfter(doc, '情况说明')).toContain('C级危房');
  });

  it('signs: verifier pad image, 纸质签字, household image, date', async () => {
    const doc = await readDocx(await buildDocx('intake', intake));
    const signOff = rowWith(doc, '户主签字（手印）：', `填表时间：${formatChineseDate(intake.填表日期)}`);
    expect(signOff).toBeDefined();
    expect(doc.text).toContain('周红梅 纸质签字');
    // one image for the first verifier, one for the household head
    expect(doc.drawings).toBe(2);
  });

  it('leaves signature space empty when nobody has signed', async () => {
    const doc = await readDocx(await buildDocx('intake', { ...intake, 户主签字: undefined, 核实人: [] }));
    expect(doc.drawings).toBe(0);
    expect(doc.text).not.toContain('纸质签字');
  });
});

describe('个人申请及承诺授权书', () => {
  it('names the applicant, lists members with ID and relation, and carries the authorisation', async () => {
    const doc = await readDocx(await buildDocx('application', application));
    expect(doc.text).toContain('红星村民委员会：');
    expect(doc.text).toContain(HEAD_NAME);
    expect(doc.text).toContain(HEAD_ID);
    expect(doc.text).toContain('查询本户家庭存款、车辆、房屋等资产信息');
    expect(doc.text).toContain('☑新申请');
    for (const m of members) expect(rowWith(doc, m.姓名, m.与户主关系, m.证件号码)).toBeDefined();
  });

  it('gives adults signature and fingerprint boxes and minors a guardian note', async () => {
    const doc = await readDocx(await buildDocx('application', application));
    const minor = rowWith(doc, '𠮷小雨');
    expect(minor?.join('')).toContain('未成年，由法定监护人代签');
    const adult = rowWith(doc, '𠮷志远');
    expect(adult).toHaveLength(6);
    expect(rowWith(doc, '龚秀英', '纸质签字')).toBeDefined();
    expect(cellXmlContaining(doc, HEAD_NAME, 4)).toContain('<w:drawing>');
    expect(doc.text).toContain('代填人（签字）：');
    expect(doc.text).toContain(formatChineseDate(application.受理日期));
  });
});

describe('家庭收入核算表', () => {
  it('prints every component with its amount and basis, and the totals', async () => {
    const doc = await readDocx(await buildDocx('incomeSheet', incomeSheet));
    for (const group of income.分类) {
      expect(rowWith(doc, group.代码, group.项目, formatYuan(group.合计))).toBeDefined();
      for (const item of group.明细) {
        const amount = item.计入 ? formatYuan(item.金额) : `（${formatYuan(item.金额)}）`;
        expect(rowWith(doc, item.代码!, `\u3000${item.项目}`, amount)).toBeDefined();
      }
    }
    expect(rowWith(doc, 'D6x')?.join('')).toContain('按地方口径不计入收入');
    expect(rowWith(doc, '年纯收入', formatYuan(income.纯收入))).toBeDefined();
    expect(rowWith(doc, '人均纯收入', formatYuan(income.人均纯收入))).toBeDefined();
    expect(rowWith(doc, '年总收入', formatYuan(income.年总收入), '= A+B+C+D')).toBeDefined();
  });
});

describe('民主评议会议记录', () => {
  it('records header, per-household votes, signatures and the lock hash', async () => {
    const doc = await readDocx(await buildDocx('minutes', minutes));
    expect(cellAfter(doc, '会议地点')).toBe(minutes.会议地点);
    expect(cellAfter(doc, '实到人数')).toBe('5人');
    const item = minutes.评议事项[0];
    expect(rowWith(doc, '1', item.户主姓名, item.村民小组, '纳入', String(item.同意), item.评议结果)).toBeDefined();
    expect(rowWith(doc, '2', '龚德明', '风险消除', '4', '1')).toBeDefined();
    expect(rowWith(doc, '𠮷德胜', '第三组村民小组长', '纸质签字')).toBeDefined();
    // three pad signatures on the sheet, the chair's and the recorder's again below it
    expect(doc.drawings).toBe(5);
    const unsigned = rowWith(doc, '刘桂英');
    expect(unsigned?.[3]).toBe('');
    expect(doc.footers.join('')).toContain(minutes.锁定校验码);
  });
});

describe('识别审批表', () => {
  it('summarises the household and leaves each level an approval block', async () => {
    const doc = await readDocx(await buildDocx('approval', approval));
    expect(cellAfter(doc, '户主姓名')).toBe(HEAD_NAME);
    expect(cellAfter(doc, '证件号码')).toBe(HEAD_ID);
    expect(cellAfter(doc, '拟认定类别')).toContain('☑边缘易致贫户');
    expect(cellAfter(doc, '家庭收支情况')).toContain(`人均${formatYuan(income.人均纯收入)}元`);
    expect(cellAfter(doc, '民主评议情况')).toContain('同意5票');
    expect(doc.text).toContain('红星村民委员会（盖章）');
    expect(doc.text).toContain('三市镇人民政府（盖章）');
    expect(doc.text).toContain('☑同意 □不同意');
    expect(doc.text).toContain('□同意认定为边缘易致贫户 □不予认定');
    expect(doc.text).toContain(formatChineseDate(approval.乡镇意见!.日期));
    for (const m of members) expect(rowWith(doc, m.姓名, m.与户主关系, m.性别, m.证件号码)).toBeDefined();
  });
});

describe('帮扶措施落实情况表', () => {
  it('lists each measure with time, funds and result', async () => {
    const doc = await readDocx(await buildDocx('measures', measures));
    expect(rowWith(doc, '1', '就业帮扶', '推荐到县工业园务工', '2026年4月')).toBeDefined();
    expect(rowWith(doc, '2', '产业帮扶', formatYuan(measures.措施[1].帮扶资金), '2026年5月10日')).toBeDefined();
    expect(doc.text).toContain('户主姓名：龚德明');
  });
});

describe('风险消除评估表', () => {
  it('checks every criterion and records the elimination mode', async () => {
    const doc = await readDocx(await buildDocx('eliminationAssessment', elimination));
    expect(cellAfter(doc, '户主姓名')).toBe(elimination.户.户主姓名);
    expect(cellAfter(doc, '拟风险消除方式')).toBe('☑帮扶消除\u3000□自然消除');
    for (const c of elimination.标准核实) expect(rowWith(doc, c.核实项目, c.核实标准)).toBeDefined();
    expect(rowWith(doc, '不得消除情形')?.[3]).toBe('□存在 ☑不存在');
    expect(cellAfter(doc, '近12个月家庭人均纯收入')).toBe(`${formatYuan(elimination.收入.人均纯收入)}元`);
  });
});

describe('不予纳入告知书', () => {
  it('states the reason, the objection route and carries a receipt', async () => {
    const doc = await readDocx(await buildDocx('rejectionNotice', rejection));
    expect(doc.text).toContain(`${rejection.户主姓名}（户主，红星村第二组）：`);
    expect(doc.text).toContain(`不予纳入原因：${rejection.不予纳入原因}`);
    expect(doc.text).toContain('自收到本告知书之日起7日内');
    expect(doc.text).toContain('回\u3000执');
  });
});

describe('page setup', () => {
  it('is A4 with the default margins, portrait or landscape per form', async () => {
    const portrait = await readDocx(await buildDocx('intake', intake));
    expect(portrait.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(portrait.xml).toMatch(/w:top="1440"[^>]*w:right="1797"[^>]*w:bottom="1440"[^>]*w:left="1797"/);
    const custom = await readDocx(await buildDocx('intake', intake, { margins: { left: 2.8, right: 2.6 } }));
    expect(custom.xml).toMatch(/w:right="1474"[^>]*w:bottom="1440"[^>]*w:left="1587"/);
  });
});
