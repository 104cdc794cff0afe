import { Placeholder } from '../common/Placeholder';

export function MemberRegisterPage() {
  return <Placeholder title="人员名册" purpose="全部家庭成员，可按村、学段、健康状况筛选。" />;
}
