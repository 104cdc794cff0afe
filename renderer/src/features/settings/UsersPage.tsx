import { Placeholder } from '../common/Placeholder';

export function UsersPage() {
  return <Placeholder title="用户与权限" purpose="账号、角色与管辖范围。" />;
}
