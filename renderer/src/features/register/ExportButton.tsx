import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { EXPORT_VIEW_LABELS, type ExportView } from '../../../../shared/api/methods/exports';
import type { HouseholdFilter } from '../../../../shared/api/schemas/household';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';

/**
 * 导出 for a register page: the current filter as .xlsx. Masked by default (lists leave the office);
 * users with pii.unmask may export in full after stating a purpose, which is audited.
 * Usage: <ExportButton view="households" filter={filter} />
 */
export function ExportButton({ view, filter }: { view: ExportView; filter: HouseholdFilter }) {
  const { message } = App.useApp();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ full: boolean; purpose?: string }>();
  if (!session.can('register.export')) return null;
  const mayUnmask = session.can('pii.unmask');

  const run = async (values: { full: boolean; purpose?: string }) => {
    setBusy(true);
    try {
      const r = await api.call('exports.register', { view, filter, masked: !values.full, purpose: values.purpose?.trim() || undefined });
      await api.download(r.fileId, r.name);
      void message.success(`已导出 ${r.rows} ${view === 'members' ? '人' : '户'}${r.masked ? '（证件号码与电话已遮挡）' : ''}`);
      setOpen(false);
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="export-button">
        导出
      </Button>
      <Modal open={open} title={`导出${EXPORT_VIEW_LABELS[view]}（.xlsx）`} okText="导出" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ full: false }} onFinish={(v) => void run(v)}>
          <p className="gl-muted">按当前筛选条件导出。证件号码和电话以文本保存，不会变成科学计数法。</p>
          <Form.Item name="full" label="证件号码与电话">
            <Radio.Group
              options={[
                { value: false, label: '部分遮挡（外发默认）' },
                { value: true, label: '完整显示（仅限内部使用，会记录审计）', disabled: !mayUnmask },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.full !== b.full}>
            {({ getFieldValue }) =>
              getFieldValue('full') ? (
                <Form.Item name="purpose" label="导出用途" rules={[{ required: true, whitespace: true, message: '导出完整信息须填写用途，请填写。' }]}>
                  <Input maxLength={100} placeholder="如：报县乡村振兴局核对" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
