/**
 * 7 《防止返贫监测对象帮扶措施落实情况表》 (forms.md §3.2, Hunan 附表9). It is posted per household
 * with the 风险消除 公示, so it is a PUBLIC document: the view model cannot carry ID numbers, phones
 * or health status, and its free text is scanned like a 公示 list.
 */
import {
  approvalBlock,
  formatChineseDate,
  formatChineseMonth,
  formatYuan,
  formTable,
  pageContext,
  para,
  placeName,
  PT,
  titleParagraph,
  value,
  type FormContent,
  type RowSpec,
} from '../layout';
import type { MeasuresSheetVM, MeasureVM } from '../model';
import type { ResolvedOptions } from '../options';
import { assertPostable, type PostedText } from '../privacy';
import { joinList, peopleRoles, signOffTable, villageCommittee } from './common';

export const MEASURES_TITLE = '防止返贫监测对象帮扶措施落实情况表';

const SIZE = PT.小四;
/** Blank rows after the delivered measures, for measures added by hand at the home visit. */
const BLANK_ROWS = 2;

const when = (t: string | undefined): string => (!t ? '' : t.length === 7 ? formatChineseMonth(t) : formatChineseDate(t));

export function measureTexts(vm: MeasuresSheetVM): PostedText[] {
  const head: PostedText[] = [
    { where: '表头', field: '户主姓名', text: vm.户主姓名 },
    { where: '表头', field: '主要风险', text: joinList(vm.主要风险) },
    { where: '表头', field: '帮扶联系人', text: vm.帮扶联系人 },
  ];
  return [
    ...head,
    ...vm.措施.flatMap((m, i) => {
      const where = `第${i + 1}项措施`;
      return [
        { where, field: '具体帮扶措施', text: m.具体帮扶措施 },
        { where, field: '帮扶成效', text: m.帮扶成效 },
        { where, field: '责任单位/责任人', text: m.责任单位或责任人 },
      ];
    }),
  ];
}

function measureRow(m: MeasureVM, i: number): RowSpec {
  return {
    cells: [
      String(i + 1),
      m.帮扶类别,
      value(m.具体帮扶措施),
      when(m.落实时间),
      value(formatYuan(m.帮扶资金), 1, { align: 'right' }),
      value(m.帮扶成效 ?? ''),
      value(m.责任单位或责任人 ?? ''),
    ],
    height: 640,
  };
}

export function buildMeasuresSheet(vm: MeasuresSheetVM, options: ResolvedOptions): FormContent {
  assertPostable(MEASURES_TITLE, measureTexts(vm));
  const page = pageContext('portrait', options);
  const line = { size: SIZE, line: 0, align: 'left' as const, after: 60 };
  const rows: RowSpec[] = [
    { cells: ['序号', '帮扶类别', '具体帮扶措施', '落实时间', '帮扶资金（元）', '帮扶成效', '责任单位/责任人'], header: true },
    ...vm.措施.map(measureRow),
    ...Array.from({ length: BLANK_ROWS }, (_, i) => ({ cells: [String(vm.措施.length + i + 1), '', '', '', '', '', ''], height: 640 })),
  ];
  return {
    title: MEASURES_TITLE,
    orientation: 'portrait',
    children: [
      titleParagraph(MEASURES_TITLE),
      para(`${placeName(vm.office, vm.村民小组)}\u3000户主姓名：${vm.户主姓名}\u3000家庭人口：${vm.家庭人口数}人`, line),
      para(`监测对象类别：${vm.监测对象类别}\u3000识别监测时间：${formatChineseMonth(vm.识别监测时间)}`, line),
      para(`主要风险：${joinList(vm.主要风险)}\u3000帮扶联系人：${vm.帮扶联系人 ?? ''}`, { ...line, after: 120 }),
      formTable({ columns: [5, 11, 25, 12, 12, 17, 18], width: page.width, size: PT.五号, rows }),
      ...signOffTable([[[{ label: '户主签字（手印）', signature: vm.户主签字 }], peopleRoles('核实人（签字）', vm.核实人, 2)]], page.width, SIZE, [40, 60]),
      ...approvalBlock({ sealOf: villageCommittee(vm.office.村), blankLines: 0, roles: [], date: vm.日期, size: SIZE }),
    ],
  };
}
