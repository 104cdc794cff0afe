/**
 * docxtemplater's errors in words a clerk can act on: which tag, what is wrong, what to change.
 * Error ids are docxtemplater's (js/errors.js); unknown ids fall back to a generic message.
 */
import { DomainError } from '../../../shared/domain/errors';

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
  openingtag?: string;
  closingtag?: string;
  errors?: { properties?: TemplateErrorProperties }[];
}

const FIX = '请在 Word 中修改模板后重新上传。';

function message(p: TemplateErrorProperties): string {
  const tag = (p.xtag ?? '').trim();
  switch (p.id) {
    case 'unclosed_tag':
      return `占位符「{${tag}」缺少右花括号「}」。${FIX}`;
    case 'unopened_tag':
      return `「${tag}}」缺少左花括号「{」。${FIX}`;
    case 'duplicate_open_tag':
      return `「${tag}」中有多余的左花括号「{」，占位符应写成「{名称}」。${FIX}`;
    case 'duplicate_close_tag':
      return `「${tag}」中有多余的右花括号「}」，占位符应写成「{名称}」。${FIX}`;
    case 'unclosed_loop':
      return `循环「{#${tag}}」没有结束标记「{/${tag}}」。${FIX}`;
    case 'unopened_loop':
      return `结束标记「{/${tag}}」前没有开始标记「{#${tag}}」。${FIX}`;
    case 'closing_tag_does_not_match_opening_tag':
      return `循环开始「{#${p.openingtag ?? ''}}」与结束「{/${p.closingtag ?? ''}}」名称不一致。${FIX}`;
    case 'unbalanced_loop_tags':
      return `循环标记交错嵌套（开始和结束的顺序不对）。${FIX}`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `「{@${tag}}」必须单独成段。${FIX}`;
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return `模板文件内部格式已损坏，请用 Word 或 WPS 打开后另存为 .docx 再上传。`;
    default:
      return `模板语法错误${tag ? `（「${tag}」附近）` : ''}：${p.explanation ?? p.id ?? '未知错误'}。${FIX}`;
  }
}

/** Chinese messages for a docxtemplater error (one per problem); [] when it is not a template error. */
export function templateErrorMessages(error: unknown): string[] {
  if (error instanceof DomainError) return [error.message];
  const props = (error as { properties?: TemplateErrorProperties } | null)?.properties;
  if (!props) return [];
  if (props.id === 'multi_error' && props.errors) return props.errors.map((e) => message(e.properties ?? {}));
  return [message(props)];
}
