import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Tag } from 'antd';
import type { CaseRow } from '../../../../shared/api/schemas/procedures';
import { CASE_KIND_LABELS } from '../../../../shared/domain/workflow/caseState';
import { useSession } from '../../app/session';

/** 逐户评议: one card per household — which case, 拟认定类别 or 消除方式, 主要情况, votes, outcome. */
export function AgendaItemsField({ cases }: { cases: CaseRow[] }) {
  const { profile } = useSession();
  const form = Form.useFormInstance();
  const caseOptions = cases.map((c) => ({ value: c.id, label: `${c.headName}（${c.groupName ?? c.villageName}）· ${CASE_KIND_LABELS[c.kind]} · ${c.currentStepLabel ?? ''}` }));
  const kindOf = (caseId: string | undefined) => cases.find((c) => c.id === caseId);

  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <Card size="small" title="评议议题（逐户评议）" style={{ marginBottom: 12 }} extra={<Button onClick={() => add({ votes: { agree: 0, disagree: 0, abstain: 0 }, outcome: 'pass' })}>添加评议户</Button>}>
          {fields.length === 0 && <p className="gl-muted">请添加本次会议评议的农户（本村在办的识别纳入、风险消除案件）。</p>}
          {fields.map((f, i) => {
            return (
              <Card key={f.key} size="small" type="inner" style={{ marginBottom: 8 }} title={`第 ${i + 1} 户`} extra={<a onClick={() => remove(f.name)}>移除</a>}>
                <Row gutter={8}>
                  <Col span={12}>
                    <Form.Item label="评议的案件" name={[f.name, 'caseId']} rules={[{ required: true, message: '请选择评议的农户案件' }]}>
                      <Select aria-label={`第${i + 1}户案件`} options={caseOptions} showSearch={{ optionFilterProp: 'label' }} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kc = kindOf(form.getFieldValue(['items', f.name, 'caseId']) as string | undefined);
                        if (!kc) return null;
                        return kc.kind === 'identification' ? (
                          <Form.Item label="拟认定类别" name={[f.name, 'proposal']} rules={[{ required: true, message: '请选择拟认定类别' }]}>
                            <Select aria-label={`第${i + 1}户拟认定类别`} options={profile.enums.monitoringCategories.map((m) => ({ value: m.label, label: m.label }))} />
                          </Form.Item>
                        ) : (
                          <Form.Item label="风险消除方式">
                            <Tag>{kc.mode}</Tag>
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="主要情况（风险因素或帮扶成效，仅内部记录）" name={[f.name, 'situation']}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="帮扶需求" name={[f.name, 'needs']}>
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item label="同意" name={[f.name, 'votes', 'agree']} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber aria-label={`第${i + 1}户同意票`} min={0} max={999} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item label="不同意" name={[f.name, 'votes', 'disagree']} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber aria-label={`第${i + 1}户不同意票`} min={0} max={999} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item label="弃权" name={[f.name, 'votes', 'abstain']} rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber aria-label={`第${i + 1}户弃权票`} min={0} max={999} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="评议结果" name={[f.name, 'outcome']}>
                      <Radio.Group options={[{ value: 'pass', label: '通过' }, { value: 'fail', label: '不通过' }]} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
        </Card>
      )}
    </Form.List>
  );
}
