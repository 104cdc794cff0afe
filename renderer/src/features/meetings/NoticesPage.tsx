import { Placeholder } from '../common/Placeholder';

export function NoticesPage() {
  return <Placeholder title="公示管理" purpose="公示名单、期限与异议处理。" />;
}
