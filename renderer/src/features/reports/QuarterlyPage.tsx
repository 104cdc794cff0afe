import { Placeholder } from '../common/Placeholder';

export function QuarterlyPage() {
  return <Placeholder title="季度风险评估表" purpose="按季度生成风险评估表（每季度首月 5 日前）。" />;
}
