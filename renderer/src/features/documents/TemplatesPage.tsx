import { Placeholder } from '../common/Placeholder';

export function TemplatesPage() {
  return <Placeholder title="模板管理" purpose="登记县里的 Word 模板。" />;
}
