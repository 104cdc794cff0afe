/**
 * 家庭成员 tables (forms.md §2.2 B1/B2). A full member row is too wide for portrait A4, so — as the
 * county mail-merge tool does — it is split: B1 identity, B1 continued (health, labour, work),
 * B2 insurance and benefits. Each is keyed by 序号 and 姓名.
 */
import type { Table } from 'docx';
import { formTable, PT, yesNoWord, type RowSpec } from '../layout';
import type { MemberVM } from '../model';

/** Empty rows printed after the members so a pen can add a newborn or a missed member. */
const SPARE_ROWS = 1;

function rows(members: readonly MemberVM[], header: string[], cells: (m: MemberVM, i: number) => string[]): RowSpec[] {
  const body = members.map((m, i) => ({ cells: cells(m, i), height: 380 }));
  const spare = Array.from({ length: SPARE_ROWS }, () => ({ cells: header.map(() => ''), height: 380 }));
  return [{ cells: header.map((h) => ({ text: h, bold: false })), header: true }, ...body, ...spare];
}

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** B1 (一): identity columns. 证件号码 needs 18 digits on one line at 五号. */
export function membersIdentityTable(members: readonly MemberVM[], width: number): Table {
  const header = ['序号', '姓名', '性别', '证件类型', '证件号码', '与户主关系', '民族', '政治面貌', '文化程度'];
  return formTable({
    columns: [4, 9, 4, 11.5, 21, 7.5, 6, 8.5, 8.5],
    width,
    size: PT.五号,
    padding: 50,
    rows: rows(members, header, (m, i) => [
      String(i + 1),
      m.姓名,
      m.性别,
      m.证件类型 ?? '居民身份证',
      m.证件号码,
      m.与户主关系,
      str(m.民族),
      str(m.政治面貌),
      str(m.文化程度),
    ]),
  });
}

/** B1 (二): school, health, labour and work. */
export function membersStatusTable(members: readonly MemberVM[], width: number): Table {
  const header = ['序号', '姓名', '在校生状况', '健康状况', '劳动技能', '务工所在地', '务工时间（月）', '家庭成员联系电话'];
  return formTable({
    columns: [4, 10, 12, 11, 13, 13, 10, 14],
    width,
    size: PT.五号,
    padding: 50,
    rows: rows(members, header, (m, i) => [
      String(i + 1),
      m.姓名,
      str(m.在校生状况),
      m.健康状况,
      m.劳动技能,
      str(m.务工所在地),
      str(m.务工时间),
      str(m.家庭成员联系电话),
    ]),
  });
}

/** B2: insurance and benefit flags (是/否), 公益性岗位, reasons. */
export function membersBenefitsTable(members: readonly MemberVM[], width: number): Table {
  const header = [
    '序号',
    '姓名',
    '是否参加城乡居民基本医疗保险',
    '是否参加城镇职工基本医疗保险',
    '是否参加大病保险',
    '是否参加城乡居民基本养老保险',
    '是否参加城镇职工基本养老保险',
    '是否享受农村居民最低生活保障',
    '是否特困供养人员',
    '公益性岗位',
    '公益性岗位（月数）',
    '义务教育阶段未上学原因',
    '备注',
  ];
  return formTable({
    columns: [3.5, 7.5, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 8, 6, 9, 8],
    width,
    size: PT.小五,
    rows: rows(members, header, (m, i) => [
      String(i + 1),
      m.姓名,
      yesNoWord(m.是否参加城乡居民基本医疗保险),
      yesNoWord(m.是否参加城镇职工基本医疗保险),
      yesNoWord(m.是否参加大病保险),
      yesNoWord(m.是否参加城乡居民基本养老保险),
      yesNoWord(m.是否参加城镇职工基本养老保险),
      yesNoWord(m.是否享受农村居民最低生活保障),
      yesNoWord(m.是否特困供养人员),
      str(m.公益性岗位),
      str(m.公益性岗位月数),
      str(m.义务教育阶段未上学原因),
      str(m.备注),
    ]),
  });
}
