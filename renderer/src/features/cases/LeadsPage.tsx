import { Placeholder } from '../common/Placeholder';

export function LeadsPage() {
  return <Placeholder title="线索与预警" purpose="农户申报、干部排查、部门预警等线索，48 小时内核实。" />;
}
