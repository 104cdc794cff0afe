import { Placeholder } from '../common/Placeholder';

export function RosterImportPage() {
  return <Placeholder title="导入花名册" purpose="从 Excel/CSV 导入户籍花名册：自动识别表头、逐行校验、预览后一次性提交。" />;
}
