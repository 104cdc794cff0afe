import { Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import type { CaseDetail } from '../../../../shared/api/schemas/procedures';
import { stepsOf } from '../../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type StepKey } from '../../../../shared/domain/workflow/rules';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { COLOURS } from '../common/ColourTag';
import { DateInput } from './procedureUi';

// The fields of each step's form. Names follow the domain's step schemas (shared/domain/workflow/steps.ts)
// so the backend's field errors land on the right field.

const required = (message: string) => [{ required: true, message }];

function DateItem({ label = '办理日期', name = 'date' }: { label?: string; name?: string | (string | number)[] }) {
  return (
    <Form.Item label={label} name={name} rules={required(`请填写${label}`)}>
      <DateInput aria-label={label} />
    </Form.Item>
  );
}

export function ApplyFields() {
  return (
    <>
      <DateItem label="申请日期" />
      <Space align="start" wrap>
        <Form.Item label="申请人" name="applicantName" rules={required('请填写申请人姓名')}>
          <Input aria-label="申请人" maxLength={50} />
        </Form.Item>
        <Form.Item label="受理人" name="receivedBy" rules={required('请填写受理人')}>
          <Input aria-label="受理人" maxLength={50} />
        </Form.Item>
      </Space>
      <Form.Item name="commitment" valuePropName="checked">
        <Checkbox>申请人承诺如实提供家庭情况</Checkbox>
      </Form.Item>
      <Form.Item name="authorisation" valuePropName="checked">
        <Checkbox>申请人授权查询家庭存款、车辆、房屋等资产信息</Checkbox>
      </Form.Item>
      <Space wrap>
        <Form.Item name={['mark', 'signed']} valuePropName="checked">
          <Checkbox>申请人已签字（纸质）</Checkbox>
        </Form.Item>
        <Form.Item name={['mark', 'fingerprint']} valuePropName="checked">
          <Checkbox>申请人已按手印</Checkbox>
        </Form.Item>
      </Space>
    </>
  );
}

export function ProposeFields({ mode }: { mode: string | null }) {
  return (
    <>
      <DateItem label="提出日期" />
      <Form.Item label="提出人" name="proposedBy" rules={required('请填写提出人，如“村两委、驻村工作队”')}>
        <Input aria-label="提出人" maxLength={100} />
      </Form.Item>
      <Form.Item label="风险消除方式">
        <Input value={mode ?? ''} disabled />
      </Form.Item>
      <Form.Item label="研判理由" name="basis" rules={required('请填写逐户研判的理由')}>
        <Input.TextArea aria-label="研判理由" rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function VerifyFields() {
  return (
    <>
      <DateItem label="核实日期" />
      <Form.List name="verifiers">
        {(fields, { add, remove }) => (
          <Form.Item label="核实人员（每组不少于 2 人）" required>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={required('请填写核实人员姓名')}>
                  <Input aria-label={`核实人员${i + 1}`} placeholder="姓名" maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']}>
                  <Input placeholder="单位/身份（镇干部、驻村干部…）" maxLength={100} />
                </Form.Item>
                {fields.length > 1 && <a onClick={() => remove(f.name)}>删除</a>}
              </Space>
            ))}
            <Button onClick={() => add({ name: '' })}>添加核实人员</Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item label="核实情况" name="findings">
        <Input.TextArea aria-label="核实情况" rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** 民主评议 and 公示 take their data from records: pick the locked minutes / the notice. */
export function RecordPickFields({ name, label, options, empty, link }: { name: string; label: string; options: CaseDetail['meetingOptions']; empty: string; link: { text: string; path: string } }) {
  return (
    <>
      <Form.Item label={label} name={name} rules={required(`请选择${label}`)} extra={options.length === 0 ? empty : undefined}>
        <Select aria-label={label} options={options.map((o) => ({ value: o.id, label: `${o.label}（${o.note}）`, disabled: !o.ready }))} />
      </Form.Item>
      <Button type="link" style={{ paddingLeft: 0 }} onClick={() => navigate(link.path)}>
        {link.text}
      </Button>
    </>
  );
}

export function ReviewFields({ detail, decision }: { detail: CaseDetail; decision: string | undefined }) {
  const earlier = stepsOf(detail.kind).filter((s) => s !== 'townshipReview' && s !== 'countyDecision');
  return (
    <>
      <Form.Item label="审核结论" name="decision" rules={required('请选择审核结论')}>
        <Radio.Group options={[{ value: 'pass', label: '审核通过，报县级审定' }, { value: 'sendBack', label: '退回补正' }]} />
      </Form.Item>
      <DateItem label="审核日期" />
      <Form.Item label="审核人" name="reviewer" rules={required('请填写审核人')}>
        <Input aria-label="审核人" maxLength={50} />
      </Form.Item>
      <Form.Item label="复核意见" name="opinion" rules={decision === 'pass' ? required('请填写复核意见') : []}>
        <Input.TextArea aria-label="复核意见" rows={2} maxLength={1000} />
      </Form.Item>
      {decision === 'sendBack' && (
        <>
          <Form.Item label="退回到" name="sendBackTo" rules={required('请选择退回到的步骤')}>
            <Select aria-label="退回到" options={earlier.map((s) => ({ value: s, label: STEP_LABELS[s as StepKey] }))} />
          </Form.Item>
          <Form.Item label="退回原因" name="reason" rules={required('请写明退回原因和需要补正的内容')}>
            <Input.TextArea aria-label="退回原因" rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </>
  );
}

export function CountyFields({ detail, decision }: { detail: CaseDetail; decision: string | undefined }) {
  const { profile } = useSession();
  const identification = detail.kind === 'identification';
  const yes = identification ? 'approve' : 'eliminate';
  return (
    <>
      <Form.Item label="审定结论" name="decision" rules={required('请选择审定结论')}>
        <Radio.Group options={identification ? [{ value: 'approve', label: '同意纳入监测' }, { value: 'reject', label: '不予纳入' }] : [{ value: 'eliminate', label: '同意标注风险消除' }, { value: 'reject', label: '不予消除，继续监测' }]} />
      </Form.Item>
      <DateItem label="审定日期" />
      <Form.Item label="文号" name="docNumber">
        <Input aria-label="文号" maxLength={100} placeholder="如 某乡振〔2026〕9号" />
      </Form.Item>
      {decision === yes && (
        <>
          {identification && (
            <>
              <Form.Item label="监测对象类别" name="category" rules={required('请选择监测对象类别')}>
                <Select aria-label="监测对象类别" options={profile.enums.monitoringCategories.map((c) => ({ value: c.label, label: c.label }))} />
              </Form.Item>
              <Form.Item label={`风险类型（最多 ${profile.enums.maxRisksPerHousehold} 项）`} name="risks" rules={required('请选择风险类型')}>
                <Select aria-label="风险类型" mode="multiple" maxCount={profile.enums.maxRisksPerHousehold} options={profile.enums.riskTypes.map((r) => ({ value: r.label, label: r.label }))} />
              </Form.Item>
            </>
          )}
          <Form.Item label="风险等级" name="colour">
            <Select aria-label="风险等级" allowClear options={Object.entries(COLOURS).map(([k, c]) => ({ value: k, label: c.label }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item label="录入系统日期" name="systemEntryDate">
              <DateInput aria-label="录入系统日期" />
            </Form.Item>
            <Form.Item label="公告日期" name="announcementDate">
              <DateInput aria-label="公告日期" />
            </Form.Item>
          </Space>
          <Form.Item label="审定意见" name="opinion">
            <Input.TextArea aria-label="审定意见" rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {decision === 'reject' && (
        <Form.Item label="原因" name="reason" rules={required('请写明原因')}>
          <Input.TextArea aria-label="原因" rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}
