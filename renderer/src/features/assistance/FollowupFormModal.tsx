import { App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Cadre } from '../../../../shared/api/methods/cadres';
import type { Followup, FollowupInput } from '../../../../shared/api/methods/followups';
import { SATISFACTIONS, SATISFACTION_LABELS, VISIT_METHODS, VISIT_METHOD_LABELS, type Satisfaction, type VisitMethod } from '../../../../shared/domain/assistanceTerms';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { COLOURS } from '../common/ColourTag';
import { applyFieldErrors, errorText } from '../common/errors';
import { fromDay, toFen, yuanRule } from './assistanceUi';

interface Values {
  visitDate: Dayjs;
  cadreIds?: string[];
  otherVisitors?: string[];
  visitMethod: VisitMethod;
  findings: string;
  incomeChange?: string;
  incomeChangeYuan?: string;
  newRisks?: string[];
  satisfaction?: Satisfaction;
  colourAfter?: FollowupInput['colourAfter'];
}

type Photo = UploadFile<{ token: string }>;

const photoOf = (p: Followup['photos'][number]): Photo => ({ uid: p.fileId, name: p.name, status: 'done', url: api.fileUrl(p.fileId), response: { token: p.fileId } });

/** Record or edit one 走访 of a household, with photos (uploaded first, sent as file tokens). */
export function FollowupFormModal(props: { open: boolean; householdId: string; currentColour: string | null; pairedCadreIds: string[]; visit?: Followup; onClose: () => void; onSaved: (v: Followup) => void }) {
  const { open, householdId, visit, onClose, onSaved } = props;
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [cadres, setCadres] = useState<Cadre[]>([]);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    void api.result('cadres.list', {}).then((r) => r.ok && setCadres(r.value));
    form.resetFields();
    if (visit) {
      setPhotos(visit.photos.map(photoOf));
      form.setFieldsValue({
        ...visit,
        visitDate: dayjs(visit.visitDate),
        satisfaction: visit.satisfaction ?? undefined,
        colourAfter: visit.colourAfter ?? undefined,
        incomeChangeYuan: visit.incomeChangeFen === null ? undefined : formatFen(visit.incomeChangeFen, { grouping: false }),
        otherVisitors: visit.visitors,
      });
    } else {
      setPhotos([]);
      form.setFieldsValue({ visitDate: dayjs(session.today()), visitMethod: 'home', cadreIds: props.pairedCadreIds });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, visit, form]);

  // On edit, visitor names that are the chosen cadres' names are shown in the cadre field only.
  useEffect(() => {
    if (!visit || !cadres.length) return;
    const names = new Set(cadres.filter((c) => visit.cadreIds.includes(c.id)).map((c) => c.name));
    form.setFieldValue('otherVisitors', visit.visitors.filter((n) => !names.has(n)));
  }, [cadres, visit, form]);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (photos.some((p) => p.status === 'uploading')) return void message.warning('照片仍在上传，请稍候再保存。');
    const cadreNames = cadres.filter((c) => (v.cadreIds ?? []).includes(c.id)).map((c) => c.name);
    const visitors = [...new Set([...cadreNames, ...(v.otherVisitors ?? []).map((n) => n.trim()).filter(Boolean)])];
    if (!visitors.length) return void form.setFields([{ name: 'otherVisitors', errors: ['请选择结对帮扶干部或填写至少一名走访人'] }]);
    const input: FollowupInput = {
      id: visit?.id,
      rowVersion: visit?.rowVersion,
      householdId,
      visitDate: fromDay(v.visitDate)!,
      visitors,
      cadreIds: v.cadreIds ?? [],
      visitMethod: v.visitMethod,
      findings: v.findings,
      incomeChange: v.incomeChange ?? '',
      incomeChangeFen: toFen(v.incomeChangeYuan, true),
      newRisks: v.newRisks ?? [],
      satisfaction: v.satisfaction ?? null,
      colourAfter: v.colourAfter ?? null,
      photoTokens: photos.filter((p) => p.status === 'done' && p.response).map((p) => p.response!.token),
    };
    setSaving(true);
    try {
      const saved = await api.call('followups.save', input);
      void message.success('走访记录已保存');
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
      else void message.error('有填写错误，请按红色提示修改后再保存。');
    } finally {
      setSaving(false);
    }
  };

  const colourLabels = session.profile.grading.colourLabels as Record<string, string>;
  return (
    <Modal open={open} title={visit ? '修改走访记录' : '登记走访'} width={780} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="走访日期" name="visitDate" rules={[{ required: true, message: '请选择走访日期' }]}>
              <DatePicker aria-label="走访日期" style={{ width: '100%' }} format="YYYY-MM-DD" allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label="结对帮扶干部" name="cadreIds">
              <Select aria-label="结对帮扶干部" mode="multiple" allowClear optionFilterProp="label" options={cadres.map((c) => ({ value: c.id, label: `${c.name}${c.unit ? `（${c.unit}）` : ''}` }))} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label="其他走访人" name="otherVisitors" extra="输入姓名后按回车">
              <Select aria-label="其他走访人" mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="走访方式" name="visitMethod" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} />
        </Form.Item>
        <Form.Item label="走访情况" name="findings" rules={[{ required: true, whitespace: true, message: '请填写走访了解到的情况' }]}>
          <Input.TextArea aria-label="走访情况" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="收入变化情况" name="incomeChange">
              <Input aria-label="收入变化情况" maxLength={500} placeholder="如：务工中断两个月" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="年收入变化（元，减少填负数）" name="incomeChangeYuan" rules={[yuanRule('年收入变化', true)]}>
              <Input aria-label="年收入变化（元）" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label="新发现风险" name="newRisks">
              <Select aria-label="新发现风险" mode="multiple" allowClear options={session.profile.enums.riskTypes.map((r) => ({ value: r.label, label: r.label }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="满意度" name="satisfaction">
              <Select aria-label="满意度" allowClear options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="调整后风险等级" name="colourAfter" extra={`当前：${props.currentColour ? (colourLabels[props.currentColour] ?? props.currentColour) : '未评级'}；不调整请留空`}>
              <Select aria-label="调整后风险等级" allowClear options={Object.keys(COLOURS).map((k) => ({ value: k, label: colourLabels[k] ?? k }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="走访照片（JPG/PNG）" extra="照片存入本户档案">
          <Upload<{ token: string }>
            listType="picture-card"
            accept="image/jpeg,image/png"
            multiple
            fileList={photos}
            onChange={({ fileList }) => setPhotos(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              api
                .upload(f, f.name)
                .then((r) => onSuccess?.({ token: r.token }))
                .catch((e: unknown) => {
                  void message.error(errorText(e));
                  onError?.(e as Error);
                });
            }}
          >
            {photos.length < 20 && <Button type="text">+ 添加照片</Button>}
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
