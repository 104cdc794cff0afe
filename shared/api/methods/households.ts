import { z } from 'zod';
import { method } from '../define';
import { id, pageOf, pageRequest, sortModel } from '../schemas/common';
import { household, householdFilter, householdInput, householdSummary } from '../schemas/household';

export const householdsMethods = {
  'households.list': method({
    input: z.strictObject({ filter: householdFilter, sort: sortModel, ...pageRequest }),
    output: pageOf(householdSummary),
    access: 'register.read',
    write: false,
    summary: '户籍名册分页查询：筛选（村、组、户类型、颜色、状态、类别）、搜索（姓名、证件号、拼音首字母、电话、户编号）、排序均在数据库完成',
  }),
  'households.get': method({
    input: z.strictObject({ id }),
    output: household,
    access: 'register.read',
    write: false,
    summary: '一户的完整信息（含家庭成员与已迁出成员）',
  }),
  'households.save': method({
    input: householdInput,
    output: household,
    access: 'register.write',
    write: true,
    summary: '新建或修改一户及其家庭成员（证件号码按 GB 11643 校验，不得与其他户重复）',
  }),
};
