import { Placeholder } from '../common/Placeholder';

export function BackupsPage() {
  return <Placeholder title="备份与恢复" purpose="自动与手动备份、恢复。" />;
}
