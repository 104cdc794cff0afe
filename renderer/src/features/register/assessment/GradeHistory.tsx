import { Empty, Timeline, Typography } from 'antd';
import type { GradeRecord } from '../../../../../shared/api/methods/assessments';
import { COLOURS, type Colour } from '../../common/ColourTag';
import { GradeTag } from './GradeTag';

/** 风险评级 history, newest first: each grading with the colour before it and the rule that decided. */
export function GradeHistory({ grades }: { grades: GradeRecord[] }) {
  if (!grades.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评级。在“三保障评估”页签完成一次评估后，这里会保留每一次评级。" />;
  return (
    <Timeline
      data-testid="grade-history"
      items={grades.map((g) => ({
        key: g.id,
        color: COLOURS[g.colour as Colour]?.color,
        title: g.date,
        content: (
          <div>
            {g.previousColour && g.previousColour !== g.colour ? (
              <span>
                <GradeTag colour={g.previousColour} /> → <GradeTag colour={g.colour} />
              </span>
            ) : (
              <GradeTag colour={g.colour} />
            )}
            <Typography.Text>{g.reason}</Typography.Text>
            {g.riskTypes.length > 0 && <div className="gl-muted">风险类型：{g.riskTypes.join('、')}</div>}
            <div className="gl-muted" style={{ fontSize: 12 }}>
              {g.source === 'assessment' ? '三保障评估' : g.source}，{g.recordedBy ?? '系统'}
            </div>
          </div>
        ),
      }))}
    />
  );
}
