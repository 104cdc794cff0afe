import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Radio, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FormInfo } from '../../../../shared/api/methods/documents';
import type { MeetingRow } from '../../../../shared/api/methods/meetings';
import type { NoticeRow } from '../../../../shared/api/methods/notices';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { DocumentViewer, type ViewedFile } from './DocumentViewer';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker';
import { useBatch } from './useBatch';

type Scope = 'single' | 'households' | 'village';

/**
 * 文书生成: pick a form and whom it is for (a household found by name/ID/拼音, several households or
 * a whole village, a meeting, a 公示) → preview → 打印 / 保存. Batches show real progress and can be
 * cancelled. Public postings never carry ID numbers, phones or health status; internal forms print
 * IDs in full unless 遮挡 is ticked.
 */
export function DocumentsPage(_props: { params?: Record<string, string> }) {
  const { message } = App.useApp();
  const session = useSession();
  const { villages } = useDivisions();
  const [forms, setForms] = useState<FormInfo[]>([]);
  const [formKey, setFormKey] = useState<FormInfo['key']>('intake');
  const [scope, setScope] = useState<Scope>('single');
  const [households, setHouseholds] = useState<PickedHousehold[]>([]);
  const [villageId, setVillageId] = useState<string>();
  const [merged, setMerged] = useState(true);
  const [masked, setMasked] = useState(!session.can('pii.full'));
  const [meetings, setMeetings] = useState<MeetingRow[]>([]);
  const [notices, setNotices] = useState<NoticeRow[]>([]);
  const [recordId, setRecordId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [viewed, setViewed] = useState<ViewedFile | null>(null);
  const batch = useBatch();

  useEffect(() => {
    void api.result('documents.forms', {}).then((r) => r.ok && setForms(r.value));
    void api.result('meetings.list', { filter: {}, startRow: 0, endRow: 200 }).then((r) => r.ok && setMeetings(r.value.rows));
    void api.result('notices.list', { filter: {}, startRow: 0, endRow: 200 }).then((r) => r.ok && setNotices(r.value.rows));
  }, []);

  const form = useMemo(() => forms.find((f) => f.key === formKey), [forms, formKey]);
  const source = form?.source ?? 'household';
  const isBatch = source === 'household' && scope !== 'single';

  const generate = async () => {
    setBusy(true);
    try {
      const target = source === 'meeting' ? { meetingId: recordId } : source === 'notice' ? { noticeId: recordId } : { householdId: households[0]?.id };
      const r = await api.call('documents.generate', { form: formKey, ...target, masked: form?.isPublic ? undefined : masked });
      setViewed({ fileId: r.fileId, name: r.name });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const runBatch = async () => {
    const request = scope === 'village' ? { villageId } : { householdIds: households.map((h) => h.id) };
    const file = await batch.run({ form: formKey, merged, masked: form?.isPublic ? undefined : masked, ...request });
    if (file) setViewed(file);
  };

  const ready = source === 'household' ? (scope === 'village' ? Boolean(villageId) : households.length > 0) : Boolean(recordId);

  return (
    <div className="gl-page" data-testid="documents-page">
      <div className="gl-page-header">
        <h2>文书生成</h2>
      </div>
      <Card size="small" title="1. 选择文书">
        <Radio.Group value={formKey} onChange={(e) => (setFormKey(e.target.value as FormInfo['key']), setRecordId(undefined))} aria-label="文书">
          <Space wrap>
            {forms.map((f) => (
              <Radio.Button key={f.key} value={f.key} data-testid={`form-${f.key}`}>
                <FileWordOutlined /> {f.title}
                {f.isPublic && (
                  <Tag color="green" style={{ marginLeft: 6 }}>
                    公示
                  </Tag>
                )}
              </Radio.Button>
            ))}
          </Space>
        </Radio.Group>
        {form?.isPublic && <Alert style={{ marginTop: 12 }} type="info" showIcon message="公示公告类文书不含身份证号、电话、银行账号和健康状况；主要风险是否公示由“地方口径 › 隐私保护”决定。" />}
      </Card>
      <Card size="small" title="2. 选择对象">
        {source === 'household' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group value={scope} onChange={(e) => (setScope(e.target.value as Scope), setHouseholds([]))} optionType="button">
              <Radio value="single">单户</Radio>
              <Radio value="households" disabled={!form?.batchable}>
                多户
              </Radio>
              <Radio value="village" disabled={!form?.batchable}>
                整村
              </Radio>
            </Radio.Group>
            {scope === 'village' ? (
              <Select style={{ width: 240 }} placeholder="选择行政村" value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="行政村" />
            ) : (
              <HouseholdPicker value={households} onChange={setHouseholds} multiple={scope === 'households'} style={{ width: 560 }} />
            )}
            {isBatch && (
              <Radio.Group value={merged} onChange={(e) => setMerged(e.target.value as boolean)}>
                <Radio value={true}>合并为一个 Word 文件（便于一次打印；超过 100 户自动分成多个文件打包）</Radio>
                <Radio value={false}>每户一个文件（打包为 .zip）</Radio>
              </Radio.Group>
            )}
          </Space>
        )}
        {source === 'meeting' && (
          <Select style={{ width: 420 }} placeholder="选择评议会议" value={recordId} onChange={setRecordId} aria-label="评议会议"
            options={meetings.map((m) => ({ value: m.id, label: `${m.date}　${m.villageName}　${m.locked ? '已签字锁定' : `签字 ${m.signedCount}/${m.attendeeCount}`}` }))} />
        )}
        {source === 'notice' && (
          <Select style={{ width: 420 }} placeholder="选择公示" value={recordId} onChange={setRecordId} aria-label="公示" options={notices.map((n) => ({ value: n.id, label: `${n.startDate}　${n.title}` }))} />
        )}
        {form && !form.isPublic && (
          <div style={{ marginTop: 12 }}>
            <Checkbox checked={masked} disabled={!session.can('pii.full')} onChange={(e) => setMasked(e.target.checked)}>
              证件号码与电话部分遮挡（外发给他人时勾选；内部存档打印完整信息）
            </Checkbox>
          </div>
        )}
      </Card>
      <Space>
        {isBatch ? (
          <Button type="primary" disabled={!ready} onClick={() => void runBatch()} data-testid="batch-generate">
            批量生成
          </Button>
        ) : (
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void generate()} data-testid="generate-document">
            生成并预览
          </Button>
        )}
        <span className="gl-muted">生成的文书会自动存入该户的“文书档案”。</span>
      </Space>
      {batch.dialogs}
      <DocumentViewer file={viewed} onClose={() => setViewed(null)} />
    </div>
  );
}
