/**
 * 5a 村内公示: 拟纳入 / 拟消除风险 名单 (forms.md §6.3 vendor text with §6.6 changes). Landscape,
 * posted once in the village. It prints ONLY 村民小组, 户主姓名, 家庭人口数, category / elimination
 * mode, 主要风险 and 备注 — never ID numbers, phones, bank accounts or health status.
 */
import type { Table } from 'docx';
import {
  approvalBlock,
  formatChineseDate,
  formTable,
  pageContext,
  para,
  PT,
  titleParagraph,
  value,
  type FormContent,
  type RowSpec,
} from '../layout';
import type { PublicListEntryVM, PublicNoticeVM } from '../model';
import type { ResolvedOptions } from '../options';
import { assertPostable, type PostedText } from '../privacy';
import { inclusiveDays, joinList } from './common';

export const noticeTitle = (vm: Pick<PublicNoticeVM, '类型' | 'office'>): string =>
  vm.类型 === '拟纳入' ? `${vm.office.村}拟纳入防止返贫监测对象名单公示` : `${vm.office.村}拟消除风险监测对象名单公示`;

/** The free-text fields of a posted list, for the privacy scan. */
export function listTexts(list: readonly PublicListEntryVM[]): PostedText[] {
  return list.flatMap((e, i) => {
    const where = `名单第${i + 1}行`;
    return [
      { where, field: '户主姓名', text: e.户主姓名 },
      { where, field: '村民小组', text: e.村民小组 },
      { where, field: '监测对象类别', text: e.监测对象类别 },
      { where, field: '主要风险', text: joinList(e.主要风险) },
      { where, field: '风险消除方式', text: e.风险消除方式 },
      { where, field: '备注', text: e.备注 },
    ];
  });
}

/** Whitelisted columns only: whatever else an entry object carries at runtime is never read. */
export function publicListTable(kind: '纳入' | '风险消除', list: readonly PublicListEntryVM[], width: number, size: number): Table {
  const withPlace = list.some((e) => e.乡镇 || e.村);
  const place = withPlace ? ['乡（镇）', '村'] : [];
  const header =
    kind === '纳入'
      ? ['序号', ...place, '村民小组', '户主姓名', '家庭人口数', '监测对象类别', '主要风险', '备注']
      : ['序号', ...place, '村民小组', '户主姓名', '家庭人口数', '风险消除方式', '备注'];
  const rows: RowSpec[] = [
    { cells: header, header: true },
    ...list.map((e, i) => {
      const placeCells = withPlace ? [e.乡镇 ?? '', e.村 ?? ''] : [];
      const tail = kind === '纳入' ? [e.监测对象类别 ?? '', joinList(e.主要风险)] : [e.风险消除方式 ?? ''];
      return { cells: [String(i + 1), ...placeCells, e.村民小组, e.户主姓名, `${e.家庭人口数}人`, ...tail, value(e.备注 ?? '')], height: 480 };
    }),
  ];
  const columns = [5, ...(withPlace ? [12, 12] : []), 12, 14, 10, ...(kind === '纳入' ? [16, 20] : [18]), 20];
  return formTable({ columns, width, size, rows });
}

function noticeBody(vm: PublicNoticeVM, hotline: string): string[] {
  const what = vm.类型 === '拟纳入' ? '履行防返贫监测民主评议程序' : '对拟消除风险的监测对象进行了民主评议';
  const days = inclusiveDays(vm.公示开始, vm.公示结束);
  const contact = [vm.监督电话 ? `监督电话：${vm.监督电话}` : '', `全国防止返贫监测和乡村振兴咨询服务电话：${hotline}`].filter(Boolean).join('；');
  const to = vm.异议受理单位 ? `村（居）委会或${vm.异议受理单位}` : '村（居）委会';
  return [
    `根据农户申请、授权等程序，${formatChineseDate(vm.评议日期)}，我村组织召开了村“两委”（扩大）会议，${what}。现将民主评议结果公示如下（名单附后）。`,
    `公示期为${formatChineseDate(vm.公示开始)}至${formatChineseDate(vm.公示结束)}（共${days}天），公示地点：${vm.公示地点}。`,
    `如有异议，请在公示期内向${to}反映。${contact}。`,
  ];
}

export function buildPublicNotice(vm: PublicNoticeVM, options: ResolvedOptions): FormContent {
  const title = noticeTitle(vm);
  assertPostable(title, listTexts(vm.名单));
  const page = pageContext('landscape', options);
  return {
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      ...noticeBody(vm, page.profile.全国咨询电话).map((t) => para(t, { indent: true })),
      para(`附：${vm.类型 === '拟纳入' ? '拟纳入防止返贫监测对象' : '拟消除风险监测对象'}名单（${vm.名单.length}户）`, { before: 120, after: 120, align: 'left' }),
      publicListTable(vm.类型 === '拟纳入' ? '纳入' : '风险消除', vm.名单, page.width, PT.四号),
      ...approvalBlock({ sealOf: vm.发布单位, blankLines: 0, roles: [], date: vm.发布日期, size: PT.三号 }),
    ],
  };
}
