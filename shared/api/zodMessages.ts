import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors';
import { labelFor } from './labels';

/**
 * Turns zod issues into messages a clerk can act on: which field, what is wrong, what to do.
 * zod's own zh-CN locale speaks of "string >=1 字符"; clerks need "请填写「户主姓名」".
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: messageFor(issue) }));
}

function messageFor(issue: z.core.$ZodIssue): string {
  const field = labelFor(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `请填写${field}。` : `${field}的格式不对，请重新填写。`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? `${field}不能为空，请填写。` : `${field}至少需要 ${issue.minimum} 个字符。`;
      if (issue.origin === 'array') return `${field}至少需要 ${issue.minimum} 项。`;
      return `${field}不能小于 ${issue.minimum}。`;
    case 'too_big':
      if (issue.origin === 'string') return `${field}不能超过 ${issue.maximum} 个字符，请删减。`;
      if (issue.origin === 'array') return `${field}最多 ${issue.maximum} 项。`;
      return `${field}不能大于 ${issue.maximum}。`;
    case 'invalid_value':
      return `${field}只能选择：${issue.values.map(String).join('、')}。`;
    case 'invalid_format':
      return `${field}的格式不对（${issue.format === 'regex' ? '请按示例填写' : issue.format}）。`;
    case 'unrecognized_keys':
      return `${field === '「输入」' ? '' : field}含有不认识的字段：${issue.keys.join('、')}。请检查调用参数。`;
    case 'custom':
      return issue.message.startsWith('「') || /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `${field}不符合要求。`;
    default:
      return `${field}填写有误，请检查。`;
  }
}
