import { Placeholder } from '../common/Placeholder';

export function DocumentsPage() {
  return <Placeholder title="文书生成" purpose="选择文书和农户，预览后打印或保存。" />;
}
