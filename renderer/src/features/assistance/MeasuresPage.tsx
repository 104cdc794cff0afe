import { Placeholder } from '../common/Placeholder';

export function MeasuresPage() {
  return <Placeholder title="帮扶措施" purpose="监测户的帮扶措施与落实情况。" />;
}
