import { DIVISION_LEVEL_LABELS } from '../../../shared/api/methods/divisions';
import { conflict, notFound, validationError } from '../../../shared/domain/errors';
import { diffFields } from '../journal';
import * as repo from '../repos/divisions';
import type { HandlerTable } from './types';

const PARENT_LEVEL = { township: null, village: 'township', group: 'village' } as const;
const LABELS = { name: '名称', code: '统计代码', parentId: '上级区划', sortOrder: '排序' };

export const divisionsHandlers: HandlerTable = {
  'divisions.list': (ctx) => repo.listDivisions(ctx.db),

  'divisions.save': (ctx, input) => {
    const by = ctx.user().username;
    const at = ctx.nowIso();
    const parentId = input.parentId ?? null;
    const wantParent = PARENT_LEVEL[input.level];
    if (wantParent === null && parentId) throw validationError([{ path: 'parentId', message: '乡镇是最上级区划，不能选择上级。' }]);
    if (wantParent !== null) {
      const parent = parentId ? repo.getDivision(ctx.db, parentId) : undefined;
      if (!parent || parent.level !== wantParent) {
        throw validationError([{ path: 'parentId', message: `${DIVISION_LEVEL_LABELS[input.level]}的上级必须是${DIVISION_LEVEL_LABELS[wantParent]}，请选择。` }]);
      }
    }
    const same = repo.findChildByName(ctx.db, parentId, input.name);
    if (same && same.id !== input.id) throw conflict(`同一上级下已有名为「${input.name}」的${DIVISION_LEVEL_LABELS[input.level]}。`);

    const before = input.id ? repo.getDivision(ctx.db, input.id) : undefined;
    if (input.id && !before) throw notFound('该区划');
    if (before && input.rowVersion && before.rowVersion !== input.rowVersion) throw conflict('该区划已被他人修改，请刷新后再改。');
    const write: repo.DivisionWrite = {
      id: before?.id ?? ctx.ids.newId(),
      parentId,
      level: input.level,
      name: input.name,
      code: input.code || null,
      sortOrder: input.sortOrder ?? before?.sortOrder ?? repo.nextSortOrder(ctx.db, parentId),
    };
    if (before) repo.updateDivision(ctx.db, write, at, by);
    else repo.insertDivision(ctx.db, write, at, by);
    const after = repo.getDivision(ctx.db, write.id)!;
    ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'division',
      entityId: after.id,
      summary: `${before ? '修改' : '新建'}${DIVISION_LEVEL_LABELS[after.level]}「${after.name}」`,
      changes: diffFields(before ?? null, after, LABELS),
    });
    ctx.change('division', after.id, after.rowVersion, 'upsert', after);
    return after;
  },

  'divisions.delete': (ctx, { id }) => {
    const d = repo.getDivision(ctx.db, id);
    if (!d) throw notFound('该区划');
    if (repo.countChildren(ctx.db, id) > 0 || d.householdCount > 0) {
      throw conflict(`「${d.name}」下还有下级区划或农户，不能删除。请先移走或删除它们。`);
    }
    repo.tombstoneDivision(ctx.db, id, ctx.nowIso(), ctx.user().username);
    ctx.audit({ action: 'delete', entity: 'division', entityId: id, summary: `删除${DIVISION_LEVEL_LABELS[d.level]}「${d.name}」` });
    ctx.change('division', id, d.rowVersion + 1, 'delete', { id });
    return { id };
  },
};
