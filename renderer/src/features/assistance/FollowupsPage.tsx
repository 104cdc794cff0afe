import { Placeholder } from '../common/Placeholder';

export function FollowupsPage() {
  return <Placeholder title="走访跟踪" purpose="每月走访记录与覆盖情况。" />;
}
