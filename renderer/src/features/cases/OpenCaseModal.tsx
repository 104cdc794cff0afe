import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { CriteriaPreview } from '../../../../shared/api/schemas/procedures';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { CriteriaPanel } from './CriteriaPanel';
import { HouseholdSelect, useConfirm } from './procedureUi';

type Kind = 'identification' | 'elimination';
type Mode = '帮扶消除' | '自然消除';

/**
 * 发起案件. 识别纳入 needs only the household; 风险消除 first shows the criteria (识别满 6 个月、收入、
 * 三保障及饮水、措施、劳动能力) and, when some fail, lets a permitted role start it with a reason.
 */
export function OpenCaseModal({ kind, open, householdId, onClose }: { kind: Kind; open: boolean; householdId?: string; onClose: () => void }) {
  const session = useSession();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [household, setHousehold] = useState<string | undefined>(householdId);
  const [mode, setMode] = useState<Mode>('帮扶消除');
  const [preview, setPreview] = useState<CriteriaPreview | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setHousehold(householdId);
      setPreview(null);
      setReason('');
    }
  }, [open, householdId]);

  useEffect(() => {
    if (!open || kind !== 'elimination' || !household) return;
    void api.result('cases.criteria', { householdId: household, mode }).then((r) => setPreview(r.ok ? r.value : null));
  }, [open, kind, household, mode]);

  const failed = preview?.report ? !preview.report.allPassed : false;
  const canOverride = session.can('cases.override');

  const submit = async () => {
    if (!household) return void message.warning('请先选择农户');
    const title = kind === 'identification' ? '发起识别纳入？' : '发起风险消除？';
    const what = kind === 'identification' ? '将开启识别纳入案件，从“提交申请”步骤开始办理。' : `将以“${mode}”开启风险消除案件${failed ? '（条件未全部符合，按特批发起，理由将记入案件）' : ''}，从“提出名单”步骤开始办理。`;
    if (!(await confirm(title, what))) return;
    setSaving(true);
    try {
      const c = await api.call('cases.open', { householdId: household, kind, ...(kind === 'elimination' ? { mode } : {}), ...(failed && reason.trim() ? { override: { reason: reason.trim() } } : {}) });
      void message.success('案件已发起');
      onClose();
      navigate(`/case/${c.id}`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={kind === 'identification' ? '发起识别纳入' : '发起风险消除'} open={open} onCancel={onClose} onOk={() => void submit()} okText="发起" confirmLoading={saving} width={720} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="农户" required>
          {householdId ? <Input value="当前农户" disabled /> : <HouseholdSelect aria-label="农户" value={household} onChange={setHousehold} />}
        </Form.Item>
        {kind === 'elimination' && (
          <Form.Item label="风险消除方式">
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)} options={['帮扶消除', '自然消除']} />
          </Form.Item>
        )}
      </Form>
      {kind === 'elimination' && preview?.blocker && <Alert type="error" showIcon title={preview.blocker} />}
      {kind === 'elimination' && preview?.report && <CriteriaPanel report={preview.report} />}
      {kind === 'elimination' && failed && (
        <div style={{ marginTop: 12 }}>
          {canOverride ? (
            <Form layout="vertical">
              <Form.Item label="特批发起理由（条件不符合时必填，将记入案件和审计日志）">
                <Input.TextArea aria-label="特批发起理由" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
              </Form.Item>
            </Form>
          ) : (
            <Alert type="info" showIcon title="条件未全部符合。如确需发起，须由有“风险消除条件特批”权限的人员写明理由后发起。" />
          )}
        </div>
      )}
    </Modal>
  );
}
