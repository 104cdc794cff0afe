import { Placeholder } from '../common/Placeholder';

export function IdentificationCasesPage() {
  return <Placeholder title="识别纳入" purpose="申请 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定。" />;
}

export function EliminationCasesPage() {
  return <Placeholder title="风险消除" purpose="提出名单 → 入户核实 → 评议公示 → 镇街审核 → 县级审定。" />;
}
