import { Placeholder } from '../common/Placeholder';

export function LedgersPage() {
  return <Placeholder title="台账" purpose="监测对象、预警、帮扶措施、走访台账导出。" />;
}
