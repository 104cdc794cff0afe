/**
 * 5b 公告 of the final list by the county 乡村振兴局 or the township (forms.md §6.5 structure,
 * 孝南区 2021): basis, procedure, counts by category, period, complaint channels, the list
 * (no ID, phone, bank or health data), and the issuing unit's seal. Landscape.
 */
import {
  approvalBlock,
  formatChineseDate,
  pageContext,
  para,
  PT,
  titleParagraph,
  type FormContent,
} from '../layout';
import type { AnnouncementVM, PublicListEntryVM } from '../model';
import type { ResolvedOptions } from '../options';
import { assertPostable } from '../privacy';
import { inclusiveDays } from './common';
import { listTexts, publicListTable } from './notice';

export function announcementTitle(vm: Pick<AnnouncementVM, '类型' | '年度' | 'office'>): string {
  const what = vm.类型 === '纳入' ? '新识别防止返贫监测对象' : '风险消除监测对象';
  return `${vm.office.县}${vm.年度}年度${what}名单公告`;
}

/** 「3户10人（其中边缘易致贫户2户7人、突发严重困难户1户3人）」 */
export function countSummary(list: readonly PublicListEntryVM[], byCategory: boolean): string {
  const people = (l: readonly PublicListEntryVM[]) => l.reduce((n, e) => n + e.家庭人口数, 0);
  const total = `${list.length}户${people(list)}人`;
  if (!byCategory) return total;
  const groups = new Map<string, PublicListEntryVM[]>();
  for (const e of list) {
    const key = e.监测对象类别 ?? '';
    if (key) groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  if (groups.size === 0) return total;
  const parts = [...groups].map(([k, l]) => `${k}${l.length}户${people(l)}人`);
  return `${total}（其中${parts.join('、')}）`;
}

function announcementBody(vm: AnnouncementVM, hotline: string): string[] {
  const procedure =
    vm.类型 === '纳入'
      ? '按照“农户自主申报、入户核实、村民代表民主评议、村内公示、乡镇审核、县级审定”的程序'
      : '按照“入户核查、村级民主评议公示、乡镇审核验收、县级审定”的程序';
  const what = vm.类型 === '纳入' ? '新识别监测对象' : '风险消除监测对象';
  const days = inclusiveDays(vm.公告开始, vm.公告结束);
  const channels = [`国家监督电话：${hotline}`, vm.监督电话 ? `监督电话：${vm.监督电话}` : '', vm.电子邮箱 ? `电子邮箱：${vm.电子邮箱}` : '']
    .filter(Boolean)
    .join('\u3000');
  const lines = [
    `${vm.依据}，${procedure}，现将${what}${countSummary(vm.名单, vm.类型 === '纳入')}具体名单予以公告，公告时间为${days}天（${formatChineseDate(vm.公告开始)}至${formatChineseDate(vm.公告结束)}）。`,
  ];
  if (vm.投诉监督地址) lines.push(`投诉监督地址：${vm.投诉监督地址}。`);
  lines.push(channels);
  return lines;
}

export function buildAnnouncement(vm: AnnouncementVM, options: ResolvedOptions): FormContent {
  const title = announcementTitle(vm);
  assertPostable(title, listTexts(vm.名单));
  const page = pageContext('landscape', options);
  const kind = vm.类型;
  return {
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      ...announcementBody(vm, page.profile.全国咨询电话).map((t) => para(t, { indent: true })),
      para(`附：${kind === '纳入' ? '新识别防止返贫监测对象' : '风险消除监测对象'}名单（${countSummary(vm.名单, false)}）`, { before: 120, after: 120, align: 'left' }),
      publicListTable(kind, vm.名单, page.width, PT.四号),
      ...approvalBlock({ sealOf: vm.发布单位, blankLines: 0, roles: [], date: vm.发布日期, size: PT.三号 }),
    ],
  };
}
