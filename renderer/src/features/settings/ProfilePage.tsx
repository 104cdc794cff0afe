import { Placeholder } from '../common/Placeholder';

export function ProfilePage() {
  return <Placeholder title="地方口径" purpose="本地的收入标准、评级规则、办理时限等设置。" />;
}
