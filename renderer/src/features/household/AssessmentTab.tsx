import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { ASSESSMENT_CHECK_LABELS } from '../../../../shared/domain/assessment';
import { gradeHousehold } from '../../../../shared/domain/grading';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';
import { AssessmentFields, checksFrom, RECORDED_CHECKS, waterPasses, type AssessmentValues } from '../register/assessment/AssessmentForm';
import { AssessmentHistory } from '../register/assessment/AssessmentHistory';
import type { HouseholdTabProps } from './tabs';

type Proposal = Output<'assessments.propose'>;
type History = Output<'assessments.list'>;

/** Form values prefilled from the system's proposals and the last known risks. */
function initialValues(p: Proposal, assessor: string): AssessmentValues {
  const items = Object.fromEntries(RECORDED_CHECKS.filter((k) => p.proposals[k]).map((k) => [k, { pass: p.proposals[k].pass, note: p.proposals[k].note }]));
  return {
    assessor,
    items,
    water: { quantity: true, quality: true, convenience: true },
    riskTypes: p.currentRisks.map((r) => r.type),
    riskSubTypes: Object.fromEntries(p.currentRisks.filter((r) => r.subType).map((r) => [r.type, r.subType!])),
  };
}

/** 三保障评估: dated, by a named assessor, each item 达标/不达标 with a note; the colour comes from the rule table. */
export function AssessmentTab({ household, reload }: HouseholdTabProps) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const canWrite = session.can('assessment.write') && household.status !== 'cancelled';
  const [form] = Form.useForm<AssessmentValues>();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [history, setHistory] = useState<History>({ assessments: [], grades: [] });
  const [saving, setSaving] = useState(false);

  const load = useCallback(
    async (on?: string) => {
      try {
        const [p, h] = await Promise.all([api.call('assessments.propose', { householdId: household.id, date: on }), api.call('assessments.list', { householdId: household.id })]);
        setProposal(p);
        setDate(p.date);
        setHistory(h);
        form.resetFields();
        form.setFieldsValue(initialValues(p, session.user.displayName));
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [household.id, form, message, session.user.displayName],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    if (!proposal || !date) return;
    let v: AssessmentValues;
    try {
      v = await form.validateFields();
    } catch {
      return void message.error('还有未评估或未说明的项目，请按红色提示补充。');
    }
    v = form.getFieldsValue(true) as AssessmentValues;
    const grade = gradeHousehold({ ...proposal.facts, risks: v.riskTypes ?? [], checks: checksFrom(v) }, session.profile.grading);
    modal.confirm({
      title: `保存评估并评为${session.profile.grading.colourLabels[grade.colour]}？`,
      content: `${grade.reason}。保存后该户当前颜色与风险类型将按本次评估更新（如有更晚日期的评估则不改变当前颜色），评估记录不可修改，如有错误请重新评估。`,
      okText: '保存评估',
      onOk: async () => {
        setSaving(true);
        try {
          const item = (k: (typeof RECORDED_CHECKS)[number]) => ({ pass: !!v.items[k]?.pass, note: v.items[k]?.note?.trim() ?? '' });
          const water = { quantity: !!v.water?.quantity, quality: !!v.water?.quality, convenience: !!v.water?.convenience };
          const r = await api.call('assessments.save', {
            householdId: household.id,
            date,
            assessor: v.assessor,
            items: { food: item('food'), clothing: item('clothing'), education: item('education'), medical: item('medical'), housing: item('housing'), water: { pass: waterPasses(water), note: v.waterNote?.trim() ?? '' } },
            water,
            risks: (v.riskTypes ?? []).map((type) => ({ type, subType: v.riskSubTypes?.[type] ?? null })),
            note: v.note?.trim() || undefined,
          });
          void message.success(`已保存评估：${r.assessment.colourLabel}`);
          await reload();
          await load(date);
        } catch (e) {
          applyFieldErrors(form, e);
          void message.error(errorText(e));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  if (!proposal) return <Spin />;
  const income = proposal.income;
  const incomeText = income ? `${income.windowFrom} 至 ${income.windowTo} 人均纯收入 ${formatFen(income.perCapitaFen)} 元，${income.comparisonLabel}（${income.comparison === 'atOrAboveMonitoring' ? '达标' : '不达标'}）` : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {canWrite && (
        <Card
          size="small"
          title="新的评估"
          extra={<span className="gl-muted">建议项已按成员信息预填：{RECORDED_CHECKS.filter((k) => proposal.proposals[k]).map((k) => ASSESSMENT_CHECK_LABELS[k]).join('、') || '无'}；吃穿不愁须入户确认</span>}
        >
          <Form form={form} layout="vertical">
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="评估日期" required>
                  <DatePicker aria-label="评估日期" value={date ? dayjs(date) : undefined} allowClear={false} onChange={(d) => d && void load(d.format('YYYY-MM-DD'))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="评估人" name="assessor" rules={[{ required: true, message: '请填写评估人姓名' }]}>
                  <Input maxLength={50} aria-label="评估人" />
                </Form.Item>
              </Col>
            </Row>
            <AssessmentFields proposals={proposal.proposals} facts={proposal.facts} incomeText={incomeText} />
            <Form.Item label="备注" name="note" style={{ marginTop: 12 }}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
            <Button type="primary" loading={saving} onClick={() => void submit()}>
              保存评估并评级
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title="历次评估（点击查看评级依据）">
        <AssessmentHistory assessments={history.assessments} />
      </Card>
    </Space>
  );
}
