import { Placeholder } from '../common/Placeholder';

export function CaseDetailPage() {
  return <Placeholder title="办理详情" purpose="一件识别纳入或风险消除事项的全部步骤。" />;
}
