import { Alert, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Tag } from 'antd';
import type { GradingFacts } from '../../../../../shared/api/methods/assessments';
import { ASSESSMENT_CHECK_LABELS, assessmentRiskHints, type AssessmentCheckKey } from '../../../../../shared/domain/assessment';
import { gradeHousehold } from '../../../../../shared/domain/grading';
import { useSession } from '../../../app/session';
import { GradeTag } from './GradeTag';

/** The checks the assessor records; 饮水 passes only when 水量, 水质 and 用水方便程度 all do. */
export const RECORDED_CHECKS = ['food', 'clothing', 'education', 'medical', 'housing'] as const;
const WATER_PARTS = [
  ['quantity', '水量'],
  ['quality', '水质'],
  ['convenience', '用水方便程度'],
] as const;

export interface AssessmentValues {
  assessor: string;
  items: Partial<Record<AssessmentCheckKey, { pass?: boolean; note?: string }>>;
  water: { quantity?: boolean; quality?: boolean; convenience?: boolean };
  waterNote?: string;
  riskTypes: string[];
  riskSubTypes: Record<string, string | undefined>;
  note?: string;
}

export const waterPasses = (w: AssessmentValues['water'] | undefined): boolean => !!w && WATER_PARTS.every(([k]) => w[k] === true);

/** Checks as grading reads them: true = 达标; unanswered ones are left out (not assessed). */
export function checksFrom(v: AssessmentValues | undefined): Partial<Record<AssessmentCheckKey, boolean>> {
  const checks: Partial<Record<AssessmentCheckKey, boolean>> = {};
  for (const k of RECORDED_CHECKS) {
    const pass = v?.items?.[k]?.pass;
    if (typeof pass === 'boolean') checks[k] = pass;
  }
  checks.water = waterPasses(v?.water);
  return checks;
}

function CheckRow({ check, proposal }: { check: (typeof RECORDED_CHECKS)[number]; proposal?: { pass: boolean; note: string } }) {
  const { profile } = useSession();
  const pass = Form.useWatch(['items', check, 'pass']);
  return (
    <Row gutter={12} align="middle">
      <Col span={5}>
        <b>{ASSESSMENT_CHECK_LABELS[check]}</b>
        {proposal && <div className="gl-muted" style={{ fontSize: 12 }}>系统建议：{proposal.pass ? '达标' : '不达标'}</div>}
      </Col>
      <Col span={7}>
        <Form.Item name={['items', check, 'pass']} rules={[{ required: true, message: `请评估“${ASSESSMENT_CHECK_LABELS[check]}”` }]} style={{ margin: 0 }}>
          <Radio.Group aria-label={ASSESSMENT_CHECK_LABELS[check]} optionType="button" options={[{ value: true, label: '达标' }, { value: false, label: '不达标' }]} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={['items', check, 'note']}
          style={{ margin: 0 }}
          rules={[{ required: pass === false && profile.assessment.requireNoteOnFail, message: '不达标请写明具体问题' }]}
        >
          <Input maxLength={300} placeholder={pass === false ? '不达标：具体问题（必填）' : '情况说明'} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The assessment form with the system's proposals, the risks, and a live preview of the resulting colour. */
export function AssessmentFields({ proposals, facts, incomeText }: { proposals: Record<string, { pass: boolean; note: string }>; facts: GradingFacts; incomeText: string | null }) {
  const { profile } = useSession();
  const values = Form.useWatch([]) as AssessmentValues | undefined;
  const riskTypes = values?.riskTypes ?? [];
  const checks = checksFrom(values);
  const grade = gradeHousehold({ ...facts, risks: riskTypes, checks }, profile.grading);
  const itemsForHints = Object.fromEntries(Object.entries(checks).map(([k, p]) => [k, { pass: p, note: '' }]));
  const hints = assessmentRiskHints({ items: itemsForHints as never }, riskTypes.map((type) => ({ type })), profile);
  const max = profile.enums.maxRisksPerHousehold;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="一超过：收入超过监测范围（按最近一次收入核算自动判断）">
        {incomeText ? <span>{incomeText}</span> : <Alert type="warning" showIcon title="该户尚未在评估日期前完成收入核算，“一超过”无法判断，评级可能只能按默认颜色。请先到“收入核算”页签核算。" />}
      </Card>
      <Card size="small" title="两不愁三保障">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {RECORDED_CHECKS.map((c) => (
            <CheckRow key={c} check={c} proposal={proposals[c]} />
          ))}
          <Row gutter={12} align="middle">
            <Col span={5}>
              <b>{ASSESSMENT_CHECK_LABELS.water}</b>
              <div>{waterPasses(values?.water) ? <Tag color="green">达标</Tag> : <Tag color="red">不达标</Tag>}</div>
            </Col>
            <Col span={7}>
              <Space>
                {WATER_PARTS.map(([k, label]) => (
                  <Form.Item key={k} name={['water', k]} valuePropName="checked" noStyle>
                    <Checkbox>{label}达标</Checkbox>
                  </Form.Item>
                ))}
              </Space>
            </Col>
            <Col span={12}>
              <Form.Item name="waterNote" style={{ margin: 0 }} rules={[{ required: !waterPasses(values?.water) && profile.assessment.requireNoteOnFail, message: '饮水不达标请写明问题' }]}>
                <Input maxLength={300} placeholder="饮水情况说明" />
              </Form.Item>
            </Col>
          </Row>
        </Space>
      </Card>
      <Card size="small" title={`风险类型（最多 ${max} 项）`}>
        <Form.Item name="riskTypes" rules={[{ type: 'array', max, message: `最多选 ${max} 项` }]}>
          <Select mode="multiple" allowClear aria-label="风险类型" placeholder="没有返贫致贫风险可不选" options={profile.enums.riskTypes.map((r) => ({ value: r.label, label: r.label }))} />
        </Form.Item>
        <Row gutter={12}>
          {profile.enums.riskTypes
            .filter((r) => r.subTypes.length && riskTypes.includes(r.label))
            .map((r) => (
              <Col span={8} key={r.label}>
                <Form.Item label={`${r.label}具体类型`} name={['riskSubTypes', r.label]} rules={[{ required: true, message: '请选择具体类型' }]}>
                  <Select options={r.subTypes.map((s) => ({ value: s, label: s }))} />
                </Form.Item>
              </Col>
            ))}
        </Row>
        {hints.map((h) => (
          <Alert key={h} type="info" showIcon title={h} style={{ marginTop: 4 }} />
        ))}
      </Card>
      <Card size="small" title="评级预览" data-testid="grade-preview">
        <Space wrap>
          <GradeTag colour={grade.colour} />
          <span>{grade.reason}</span>
        </Space>
        <div className="gl-muted" style={{ fontSize: 12, marginTop: 4 }}>
          按地方口径评级规则表自动判定；保存后更新该户当前颜色，并记入评级历史。
        </div>
      </Card>
    </Space>
  );
}
