/**
 * 9 不予纳入防止返贫监测对象告知书 — written notice to a household whose application was not
 * accepted (DOMAIN §5 discovery: "notify in writing if the profile asks"), with the reason, the
 * objection route and a tear-off 回执 the household signs. [R]: no sourced layout was found.
 */
import {
  approvalBlock,
  formatChineseDate,
  para,
  PT,
  run,
  titleParagraph,
  type FormContent,
} from '../layout';
import type { RejectionNoticeVM } from '../model';
import type { ResolvedOptions } from '../options';
import { signOffLine } from './common';

export const REJECTION_TITLE = '不予纳入防止返贫监测对象告知书';

function bodyLines(vm: RejectionNoticeVM): string[] {
  const steps = vm.已开展程序.length > 0 ? `经${vm.已开展程序.join('、')}，` : '经核查，';
  const phone = vm.异议受理电话 ? `（联系电话：${vm.异议受理电话}）` : '';
  const lines = [
    `你户于${formatChineseDate(vm.申请日期)}提出纳入防止返贫监测对象的申请。${steps}你户暂不符合防止返贫监测对象纳入条件，现将有关情况告知如下：`,
    `不予纳入原因：${vm.不予纳入原因}`,
  ];
  if (vm.政策依据) lines.push(`政策依据：${vm.政策依据}`);
  lines.push(
    `如对上述结果有异议，可自收到本告知书之日起${vm.异议期限天数}日内，向${vm.异议受理单位}提出${phone}。今后家庭情况发生变化、出现返贫致贫风险的，可随时再次申请。`,
    '特此告知。',
  );
  return lines;
}

export function buildRejectionNotice(vm: RejectionNoticeVM, options: ResolvedOptions): FormContent {
  void options; // a letter: no grid, so only the margins (applied by the section) matter
  const small = { size: PT.四号, line: 0, align: 'left' as const };
  return {
    title: REJECTION_TITLE,
    orientation: 'portrait',
    children: [
      titleParagraph(REJECTION_TITLE),
      ...(vm.文号 ? [para(vm.文号, { align: 'center', after: 120 })] : []),
      para(`${vm.户主姓名}（户主，${vm.office.村}${vm.村民小组}）：`, { align: 'left' }),
      ...bodyLines(vm).map((t) => para(t, { indent: true })),
      ...approvalBlock({ sealOf: vm.发文单位, blankLines: 0, roles: [], date: vm.发文日期, size: PT.三号 }),
      // the receipt stays on the same page: it is cut off along the line and filed
      para([run('- - - - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - - - -', { size: PT.五号 })], {
        align: 'center',
        line: 0,
        before: 240,
        after: 120,
      }),
      titleParagraph('回\u3000执', PT.三号),
      para(`本户已收到《${REJECTION_TITLE}》，知悉不予纳入的原因和提出异议的途径。`, { ...small, indent: true }),
      signOffLine([{ label: '户主签字（手印）' }, { label: '签收日期', name: formatChineseDate(undefined) }], PT.小四),
      signOffLine([{ label: '送达人（签字）', name: vm.送达人 }], PT.小四),
    ],
  };
}
