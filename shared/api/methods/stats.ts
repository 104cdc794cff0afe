import { z } from 'zod';
import { method } from '../define';
import { id } from '../schemas/common';

// Counts for the dashboard (统计报表): households and people (家庭人口数 of live households)
// by village, 户类型, colour, 监测对象类别 and status, in the caller's scope.

const count = z.number().int().min(0);

/** One slice of a breakdown. `key` null = households without that attribute (未评级 / 非监测对象). */
export const statsBucket = z.object({ key: z.string().nullable(), label: z.string(), households: count, people: count });
export type StatsBucket = z.infer<typeof statsBucket>;

export const villageStats = z.object({
  villageId: id,
  villageName: z.string(),
  townshipId: id.nullable(),
  townshipName: z.string(),
  households: count,
  people: count,
});
export type VillageStats = z.infer<typeof villageStats>;

export const statsSummary = z.object({
  households: count,
  people: count,
  /** every village in scope, in division order, including villages with no household yet */
  byVillage: z.array(villageStats),
  byHouseholdType: z.array(statsBucket),
  byColour: z.array(statsBucket),
  byCategory: z.array(statsBucket),
  byStatus: z.array(statsBucket),
});
export type StatsSummary = z.infer<typeof statsSummary>;

export const statsMethods = {
  'stats.summary': method({
    input: z.strictObject({}).default({}),
    output: statsSummary,
    access: 'register.read',
    write: false,
    summary: '统计汇总：按村、户类型、风险颜色、监测对象类别、状态统计户数和人数（仅统计本账号可见的村）',
  }),
};
