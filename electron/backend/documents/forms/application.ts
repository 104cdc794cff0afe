/**
 * 1 《防止返贫监测对象个人申请及承诺授权书》 (forms.md §5.3: reconstructed wording from sourced
 * clauses; a county's own wording replaces the clauses via 承诺条款/授权条款). The household applies,
 * commits that the facts are true, and authorises checks of deposits, vehicles and housing; every
 * adult member signs and presses a fingerprint; a 代填人 may fill it for an illiterate applicant.
 */
import type { FileChild, Table } from 'docx';
import {
  approvalBlock,
  checkboxes,
  fillIn,
  formatYuan,
  formTable,
  optionsWith,
  pageContext,
  para,
  PT,
  run,
  signatureRuns,
  titleParagraph,
  type FormContent,
  type RowSpec,
} from '../layout';
import type { ApplicationFormVM } from '../model';
import type { ResolvedOptions } from '../options';
import { ageOn } from '../../../../shared/domain/idCard';
import { signOffLine, villageCommittee } from './common';

export const APPLICATION_TITLE = '防止返贫监测对象个人申请及承诺授权书';

const ADULT_AGE = 18;

export const DEFAULT_COMMITMENT =
  '一、承诺。本人及家庭成员如实说明家庭情况，承诺所提供的家庭人口、收入、财产、支出等情况真实可信；如有隐瞒、虚报，自愿承担相应责任。家庭情况发生变化时，及时向村（居）委会报告。';
export const DEFAULT_AUTHORISATION =
  '二、授权。本人及家庭成员同意授权有关部门依法查询本户家庭存款、车辆、房屋等资产信息，并配合入户核实、民主评议和公示等工作。查询结果仅用于防止返贫监测对象认定和帮扶。';

function applicationParagraphs(vm: ApplicationFormVM, riskOptions: string[], householdTypes: string[]): FileChild[] {
  const h = vm.户;
  const t = (s: string) => run(s);
  return [
    para(`${villageCommittee(vm.office.村)}：`, { align: 'left' }),
    para(
      [
        t('本人'), fillIn(h.户主姓名, 4), t('，身份证号码'), fillIn(h.证件号码, 10), t('，家住'),
        fillIn(`${vm.office.乡镇}${vm.office.村}${h.村民小组}`, 8), t('，联系电话'), fillIn(h.联系电话, 6),
        t('。本户共有家庭成员'), fillIn(h.家庭人口数, 2), t('人（以户籍为依据，统筹实际居住和共享收支），其中劳动力'),
        fillIn(vm.劳动力人数, 2), t('人、在校生'), fillIn(vm.在校生人数, 2), t('人、残疾人'), fillIn(vm.残疾人数, 2),
        t('人、慢性病患者'), fillIn(vm.慢性病患者数, 2), t('人、重症患者'), fillIn(vm.重症患者数, 2),
        t(`人。本户为${checkboxes(householdTypes, h.户类型)}。`),
      ],
      { indent: true },
    ),
    para(
      [
        t('近12个月家庭年收入约'), fillIn(formatYuan(vm.近12个月家庭年收入), 6), t(`元。主要风险：${checkboxes(riskOptions, vm.风险, ' ')}；具体情况：`),
        fillIn(vm.风险说明, 12), t('，本户无能力解决的主要困难是：'), fillIn(vm.主要困难, 12),
        t('，存在返贫致贫风险。现申请纳入防止返贫监测对象，请予核查认定。'),
      ],
      { indent: true },
    ),
  ];
}

/** Member grid: adults get signature and fingerprint boxes; minors are signed for by a guardian. */
function memberSignatureTable(vm: ApplicationFormVM, width: number): Table {
  const rows: RowSpec[] = [{ cells: ['序号', '姓名', '与户主关系', '身份证号码', '本人签名', '手印'], header: true }];
  vm.成员.forEach((m, i) => {
    const minor = m.出生日期 !== undefined && ageOn(m.出生日期, vm.申请日期) < ADULT_AGE;
    const sign = minor
      ? { text: '未成年，由法定监护人代签并按手印', span: 2, size: PT.五号 }
      : { runs: signatureRuns(m.签字, { altName: m.姓名 }) };
    rows.push({ cells: [String(i + 1), m.姓名, m.与户主关系, m.证件号码, sign, ...(minor ? [] : [''])], height: 680 });
  });
  return formTable({ columns: [6, 14, 12, 30, 22, 16], width, size: PT.小四, rows });
}

export function buildApplicationForm(vm: ApplicationFormVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  const p = page.profile;
  const small = { size: PT.小四, line: 0, align: 'left' as const };
  const children: FileChild[] = [titleParagraph(APPLICATION_TITLE)];
  if (vm.申请类型) children.push(para(checkboxes(['新申请', '风险再标注'], vm.申请类型), { ...small, align: 'right', after: 120 }));
  children.push(
    ...applicationParagraphs(vm, optionsWith(p.风险类型, vm.风险), optionsWith(p.户类型, [vm.户.户类型])),
    para(vm.承诺条款 ?? DEFAULT_COMMITMENT, { indent: true }),
    para(vm.授权条款 ?? DEFAULT_AUTHORISATION, { indent: true }),
    para(`三、本申请及承诺授权书自签字（按手印）之日起生效，一式${p.授权书份数}份。`, { indent: true }),
    para('家庭成员签名、身份证号码和手印：', { align: 'left', before: 120, after: 60, keepNext: true }),
    memberSignatureTable(vm, page.width),
    ...approvalBlock({ noSeal: true, blankLines: 0, roles: [{ label: '申请人（签字、手印）', signature: vm.申请人签字 }], date: vm.申请日期, size: PT.小四 }),
    signOffLine([
      { label: '代填人（签字）', name: vm.代填人?.姓名, signature: vm.代填人?.签字 },
      { label: '与申请人关系', name: vm.代填人?.与申请人关系 },
    ]),
    para('（代填人已将本申请书内容告知申请人）', { ...small, size: PT.五号 }),
    ...approvalBlock({
      sealOf: villageCommittee(vm.office.村),
      blankLines: 0,
      roles: [{ label: '村（居）委会受理人', name: vm.受理人 }],
      date: vm.受理日期,
      size: PT.小四,
    }),
    para('注：1.不识字的，可委托村干部、村民小组长、基层网格员或近亲属代为填写，同时加按本人手印。', { ...small, size: PT.五号, before: 120 }),
    para('\u3000\u30002.无民事行为能力或限制民事行为能力的家庭成员，由其法定监护人代签并按手印。', { ...small, size: PT.五号 }),
  );
  return { title: APPLICATION_TITLE, orientation: 'portrait', children };
}
