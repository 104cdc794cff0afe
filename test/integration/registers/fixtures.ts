import { makeIdNumber } from '../../../shared/domain/idCard';
import type { Input } from '../../../shared/api/contract';
import { seedVillage, type TestBackend } from '../../support/backend';

// A small household shared by the registers tests: 户主 + 配偶 + a primary-school child.
export const IDS = {
  head: makeIdNumber('620523', '19700315', '011'),
  wife: makeIdNumber('620523', '19720601', '022'),
  child: makeIdNumber('620523', '20150910', '031'),
  grandma: makeIdNumber('620523', '19450202', '042'),
  newborn: makeIdNumber('620523', '20261101', '051'),
  bride: makeIdNumber('620523', '19980707', '062'),
  other: makeIdNumber('620523', '19800101', '071'),
};

export type HouseholdInput = Input<'households.save'>;

export async function seedHousehold(t: TestBackend, overrides: Partial<HouseholdInput> = {}) {
  const place = await seedVillage(t);
  const household = await t.call('households.save', {
    villageId: place.villageId,
    groupId: place.groupIds[0],
    householdType: '脱贫户',
    farmlandMu: 3,
    members: [
      { name: '张三丰', idNumber: IDS.head, relation: '户主', insuredMedical: true, labourSkill: '普通劳动力', health: '健康' },
      { name: '李秀英', idNumber: IDS.wife, relation: '配偶', insuredMedical: true, labourSkill: '普通劳动力', health: '长期慢性病' },
      { name: '张小明', idNumber: IDS.child, relation: '之子', insuredMedical: true, schoolStage: '小学', schoolGrade: 5, schoolYearConfirmed: '2025' },
    ],
    ...overrides,
  });
  return { ...place, household };
}

export const count = (t: TestBackend, sql: string, ...params: unknown[]): number =>
  (t.backend.services.db.prepare(sql).get(...params) as { n: number }).n;
