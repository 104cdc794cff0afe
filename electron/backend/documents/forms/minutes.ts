/**
 * 4 民主评议会议记录 (forms.md §6.2): header grid, per-household results with votes, the minutes,
 * and the sign-in sheet where each participant's pad signature is embedded, 「纸质签字」 is printed
 * for paper signatures, or the box stays empty. A locked record prints its hash in the footer so
 * a printout can be matched to the stored record.
 */
import type { FileChild, Table } from 'docx';
import {
  approvalBlock,
  checkboxes,
  formatChineseDate,
  formatYuan,
  formTable,
  label,
  pageContext,
  para,
  PT,
  signatureRuns,
  titleParagraph,
  value,
  type FormContent,
  type RowSpec,
} from '../layout';
import type { AttendeeVM, MeetingMinutesVM } from '../model';
import type { ResolvedOptions } from '../options';
import { sectionHeading, villageCommittee } from './common';

export const minutesTitle = (vm: Pick<MeetingMinutesVM, 'office'>): string => `${vm.office.村}防止返贫监测民主评议会议记录`;

const SIZE = PT.小四;

function standardAgenda(vm: MeetingMinutesVM): string {
  const line = vm.当年监测范围 === undefined ? '____' : formatYuan(vm.当年监测范围);
  return `一、主持人宣读监测对象识别认定（风险消除）条件及当年监测范围${line}元；二、通报入户核查和信息比对情况；三、逐户评议并表决（结果见下表）；四、根据风险因素拟定帮扶需求。`;
}

function headerTable(vm: MeetingMinutesVM, width: number): Table {
  const when = `${formatChineseDate(vm.会议日期)}${vm.会议时间 ? ` ${vm.会议时间}` : ''}`;
  const topics = [...new Set(vm.评议事项.map((i) => i.评议事项))].map((t) => (t === '纳入' ? '拟纳入防止返贫监测对象评议' : '拟消除风险监测对象评议'));
  const attendees = vm.参会人员.map((a) => `${a.姓名}（${a.身份}）`).join('、');
  const minutes = [standardAgenda(vm), ...vm.会议内容.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)].join('\n');
  const rows: RowSpec[] = [
    { cells: [label('会议时间'), value(when), label('会议地点'), value(vm.会议地点)] },
    { cells: [label('主持人'), value(vm.主持人), label('记录人'), value(vm.记录人)] },
    { cells: [label('应到人数'), value(`${vm.应到人数}人`), label('实到人数'), value(`${vm.实到人数}人`)] },
    { cells: [label('参会人员'), value(`${attendees}（签字见签到表）`, 3)] },
    { cells: [label('评议议题'), value(checkboxes(['拟纳入防止返贫监测对象评议', '拟消除风险监测对象评议'], topics), 3)] },
    { cells: [label('会议内容'), value(minutes, 3, { vAlign: 'top' })], height: 1200, canSplit: true },
  ];
  return formTable({ columns: [14, 36, 14, 36], width, size: SIZE, rows: rows.map((r) => ({ height: 480, ...r })) });
}

function resultsTable(vm: MeetingMinutesVM, width: number): Table {
  const header = ['序号', '户主姓名', '村民小组', '家庭人口', '评议事项', '类别/消除方式', '主要情况', '同意（票）', '不同意（票）', '弃权（票）', '评议结果', '帮扶需求'];
  const rows: RowSpec[] = [
    { cells: header, header: true },
    ...vm.评议事项.map((item, i) => ({
      cells: [
        String(i + 1),
        item.户主姓名,
        item.村民小组,
        `${item.家庭人口数}人`,
        item.评议事项,
        item.类别或方式,
        value(item.主要情况),
        String(item.同意),
        String(item.不同意),
        String(item.弃权),
        item.评议结果,
        value(item.帮扶需求 ?? ''),
      ],
    })),
  ];
  return formTable({ columns: [4, 10, 7, 6, 7, 9, 15, 7, 7, 7, 7, 12], width, size: PT.五号, rows });
}

/** Sign-in sheet, two people per row: 序号｜姓名｜身份｜签字. */
function signInTable(attendees: readonly AttendeeVM[], width: number): Table {
  const rows: RowSpec[] = [{ cells: ['序号', '姓名', '身份', '签字', '序号', '姓名', '身份', '签字'], header: true }];
  const cellsOf = (a: AttendeeVM | undefined, n: number) =>
    a ? [String(n), a.姓名, value(a.身份, 1, { size: PT.五号 }), { runs: signatureRuns(a, { altName: a.姓名 }) }] : ['', '', '', ''];
  for (let i = 0; i < attendees.length; i += 2) {
    rows.push({ cells: [...cellsOf(attendees[i], i + 1), ...cellsOf(attendees[i + 1], i + 2)], height: 700 });
  }
  // the sheet and the chair's/recorder's signatures below it stay on one page
  return formTable({ columns: [5, 11, 16, 18, 5, 11, 16, 18], width, size: SIZE, rows, keepTogether: true, keepWithNext: true });
}

function lockNote(vm: MeetingMinutesVM): string | undefined {
  if (!vm.锁定校验码) return undefined;
  const when = vm.锁定日期 ? `${formatChineseDate(vm.锁定日期)}锁定，` : '已锁定，';
  return `本记录${when}校验码（SHA-256）：\n${vm.锁定校验码}`;
}

export function buildMeetingMinutes(vm: MeetingMinutesVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  const title = minutesTitle(vm);
  const byName = new Map(vm.参会人员.map((a) => [a.姓名, a]));
  const children: FileChild[] = [
    titleParagraph(title),
    headerTable(vm, page.width),
    sectionHeading('逐户评议结果'),
    resultsTable(vm, page.width),
    sectionHeading('参会人员签字（签到表）'),
    signInTable(vm.参会人员, page.width),
    para('', { size: SIZE, line: 0, keepNext: true }),
    ...approvalBlock({
      sealOf: villageCommittee(vm.office.村),
      blankLines: 0,
      roles: [
        { label: '主持人（签字）', name: vm.主持人, signature: byName.get(vm.主持人) },
        { label: '记录人（签字）', name: vm.记录人, signature: byName.get(vm.记录人) },
      ],
      date: vm.会议日期,
      size: SIZE,
    }),
  ];
  return { title, orientation: 'portrait', children, footerNote: lockNote(vm) };
}
