import { Placeholder } from '../common/Placeholder';

export function WorkbenchPage() {
  return <Placeholder title="工作台" purpose="我的待办：48 小时待核实、公示即将到期、待镇街审核、本月待走访、逾期事项。" />;
}
