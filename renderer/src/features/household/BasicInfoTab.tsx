import { Descriptions } from 'antd';
import { maskPhone } from '../../../../shared/domain/idCard';
import { useSession } from '../../app/session';
import type { HouseholdTabProps } from './tabs';

export function BasicInfoTab({ household: h }: HouseholdTabProps) {
  const session = useSession();
  const flagLabel = (k: string) => session.profile.enums.householdFlags.find((f) => f.key === k)?.label ?? k;
  const area = (v: number | null, unit: string) => (v === null ? '—' : `${v} ${unit}`);
  return (
    <Descriptions bordered size="small" column={2}>
      <Descriptions.Item label="户主">{h.headName}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{h.phone ? (session.can('pii.full') ? h.phone : maskPhone(h.phone)) : '—'}</Descriptions.Item>
      <Descriptions.Item label="住址" span={2}>
        {h.address || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="户属性" span={2}>
        {h.flags.length ? h.flags.map(flagLabel).join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="耕地面积">{area(h.farmlandMu, '亩')}</Descriptions.Item>
      <Descriptions.Item label="林地面积">{area(h.forestMu, '亩')}</Descriptions.Item>
      <Descriptions.Item label="退耕还林面积">{area(h.grainForGreenMu, '亩')}</Descriptions.Item>
      <Descriptions.Item label="住房面积">{area(h.housingAreaM2, '㎡')}</Descriptions.Item>
      <Descriptions.Item label="危房等级">{h.dangerousHouseGrade ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="监测开始">{h.monitoredSince ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="风险类型" span={2}>
        {h.riskTypes.length ? h.riskTypes.join('、') : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}
