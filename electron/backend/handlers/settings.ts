import { parseProfile, type Profile } from '../../../shared/domain/profile';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { putSetting } from '../repos/settings';
import type { HandlerTable } from './types';

export const PROFILE_KEY = 'profile';

function storeProfile(ctx: HandlerContext, next: Profile, summary: string): { profile: Record<string, unknown> } {
  const before = ctx.profile();
  putSetting(ctx.db, PROFILE_KEY, next, ctx.nowIso(), ctx.user().username);
  ctx.services.invalidateSettings();
  ctx.audit({
    action: 'update',
    entity: 'settings',
    entityId: PROFILE_KEY,
    summary,
    changes: diffFields(before as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, {
      office: '单位信息',
      enums: '选项列表',
      income: '收入核算',
      grading: '风险评级',
      procedure: '办理程序',
      assistance: '帮扶跟踪',
      warnings: '部门预警',
      privacy: '隐私保护',
      security: '账号安全',
      documents: '文书格式',
    }),
  });
  ctx.change('settings', PROFILE_KEY, 1, 'upsert', next);
  return { profile: next as unknown as Record<string, unknown> };
}

export const settingsHandlers: HandlerTable = {
  'settings.get': (ctx) => ({ profile: ctx.profile() as unknown as Record<string, unknown>, workstationId: ctx.services.workstationId }),

  'settings.saveOffice': (ctx, input) => {
    const current = ctx.profile();
    const next = parseProfile({ ...current, office: { ...current.office, county: input.county, township: input.township } });
    return storeProfile(ctx, next, `修改单位信息：${input.county} ${input.township}`);
  },

  'settings.saveProfile': (ctx, { profile }) => storeProfile(ctx, parseProfile(profile), '修改地方口径'),
};
