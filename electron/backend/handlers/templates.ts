import { listPlaceholders } from '../documents/templates';
import { checkTemplate, fillCountyTemplate, listTemplateRecords, registerTemplate, removeTemplate } from '../documents/services/countyTemplates';
import type { HandlerTable } from './types';

// 模板管理: county .docx templates (documents/services/countyTemplates.ts).
export const templatesHandlers: HandlerTable = {
  'templates.check': (ctx, { token, form }) => checkTemplate(ctx, token, form),
  'templates.register': (ctx, input) => registerTemplate(ctx, input),
  'templates.list': (ctx, { form }) => listTemplateRecords(ctx, form),
  'templates.remove': (ctx, { id, rowVersion }) => removeTemplate(ctx, id, rowVersion),
  'templates.placeholders': (_ctx, { form }) => listPlaceholders(form),
  'templates.fill': { async: (ctx, input) => fillCountyTemplate(ctx, input) },
};
