import { Placeholder } from '../common/Placeholder';

export function MeetingsPage() {
  return <Placeholder title="评议会议" purpose="民主评议会记录、参会人签字。" />;
}
