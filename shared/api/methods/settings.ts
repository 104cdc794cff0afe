import { z } from 'zod';
import { method } from '../define';

/** The office's identity, printed on every form header; stored in the profile's `office` section. */
export const officeInput = z.strictObject({
  county: z.string().trim().max(50),
  township: z.string().trim().max(50),
});

const profileJson = z.record(z.string(), z.unknown());

export const settingsMethods = {
  'settings.get': method({
    input: z.strictObject({}).default({}),
    output: z.object({ profile: profileJson, workstationId: z.string() }),
    access: 'authenticated',
    write: false,
    summary: '地方口径（含单位信息）与本工作站标识',
  }),
  'settings.saveOffice': method({
    input: officeInput,
    output: z.object({ profile: profileJson }),
    access: 'settings.write',
    write: true,
    summary: '保存单位信息（县、乡镇名称，用于文书抬头）',
  }),
  'settings.saveProfile': method({
    input: z.strictObject({ profile: profileJson }),
    output: z.object({ profile: profileJson }),
    access: 'settings.write',
    write: true,
    summary: '保存地方口径（整份替换，保存前逐项校验）',
  }),
};
