/** documents.generate: one form for one record → a .docx in the household's 文书档案. */
import type { HandlerContext } from '../../context';
import { mapForm, type FormTarget } from '../mappers';
import { printOptionsFromProfile } from '../options';
import { buildDocx, FORMS, type FormKey, type FormModels } from '../registry';
import { assertTargetInScope, fileName, internalMasking, mapContext, singleTarget, storeGenerated } from './common';

export interface GenerateInput extends FormTarget {
  form: FormKey;
  masked?: boolean;
}

export async function generateDocument(ctx: HandlerContext, input: GenerateInput): Promise<{ fileId: string; name: string }> {
  const target = singleTarget(input);
  assertTargetInScope(ctx, target);
  const masked = internalMasking(ctx, input.form, input.masked);
  const mapped = mapForm(mapContext(ctx, masked), input.form, target);
  const bytes = await buildDocx(input.form, mapped.model as FormModels[FormKey], printOptionsFromProfile(ctx.profile()));
  const name = fileName(mapped.fileBase, ctx, 'docx', masked);
  const who = FORMS[input.form].isPublic ? '（公示公告，不含证件号码、电话、银行账号、健康状况）' : masked ? '（证件号码与电话已遮挡）' : '（含完整证件号码与电话，内部使用）';
  const file = storeGenerated(ctx, bytes, { name, householdId: mapped.householdId, action: 'document.generate', summary: `生成文书《${mapped.fileBase}》${who}` });
  return { fileId: file.id, name: file.originalName };
}
