import { Tag } from 'antd';
import { useSession } from '../../../app/session';
import { COLOURS, type Colour } from '../../common/ColourTag';

/** A risk colour with the profile's own label (an office may call red 高风险). Same colours as ColourTag. */
export function GradeTag({ colour }: { colour: string | null | undefined }) {
  const { profile } = useSession();
  if (!colour || !(colour in COLOURS)) return <Tag>未评级</Tag>;
  const c = COLOURS[colour as Colour];
  return (
    <Tag color={c.color} variant="solid" style={{ color: c.text }}>
      {profile.grading.colourLabels[colour as Colour]}
    </Tag>
  );
}
