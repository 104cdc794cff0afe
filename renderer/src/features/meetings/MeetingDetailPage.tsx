import { Placeholder } from '../common/Placeholder';

export function MeetingDetailPage() {
  return <Placeholder title="会议详情" purpose="会议议题、表决与签字。" />;
}
