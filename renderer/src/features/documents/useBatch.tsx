import { Alert, App, List, Modal } from 'antd';
import { useState } from 'react';
import type { Input } from '../../../../shared/api/contract';
import { api, ApiCallError } from '../../api/client';
import { errorText } from '../common/errors';
import { ImportProgressModal } from '../imports/ImportProgressModal';
import { useJobProgress } from '../imports/useJobProgress';
import type { ViewedFile } from './DocumentViewer';

type BatchRequest = Omit<Input<'documents.batch'>, 'jobId'>;

const newJobId = () => `docs-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 批量生成 with a progress dialog (real percentage from job.progress) and 取消; afterwards the
 * households left out are listed with the reason, so none is dropped silently.
 * Returns `run(request)` → the stored file (or null when cancelled/failed) and the dialogs to render.
 */
export function useBatch() {
  const { message } = App.useApp();
  const { progress, start, stop } = useJobProgress();
  const [cancelling, setCancelling] = useState(false);
  const [skipped, setSkipped] = useState<{ headName: string; reason: string }[]>([]);

  const run = async (request: BatchRequest): Promise<ViewedFile | null> => {
    const jobId = newJobId();
    start(jobId, '正在准备…');
    try {
      const r = await api.call('documents.batch', { ...request, jobId });
      void message.success(`已生成 ${r.count} 户${r.files > 1 ? `，共 ${r.files} 个文件（已打包为 .zip）` : ''}`);
      if (r.skipped.length > 0) setSkipped(r.skipped);
      return { fileId: r.fileId, name: r.name };
    } catch (e) {
      const cancelled = e instanceof ApiCallError && (e.error.details as { cancelled?: boolean } | undefined)?.cancelled;
      void (cancelled ? message.info('已取消批量生成。') : message.error(errorText(e)));
      return null;
    } finally {
      stop();
      setCancelling(false);
    }
  };

  const cancel = async () => {
    if (!progress) return;
    setCancelling(true);
    await api.result('documents.cancel', { jobId: progress.jobId });
  };

  const dialogs = (
    <>
      <ImportProgressModal title="批量生成文书" progress={progress} onCancel={() => void cancel()} cancelling={cancelling} cancelNote="取消后不会保存任何文件。" />
      <Modal open={skipped.length > 0} title={`${skipped.length} 户未生成`} onOk={() => setSkipped([])} onCancel={() => setSkipped([])} cancelButtonProps={{ style: { display: 'none' } }} okText="知道了">
        <Alert type="warning" showIcon message="以下农户缺少生成该文书所需的资料，请补齐后再单独生成。" style={{ marginBottom: 12 }} />
        <List size="small" dataSource={skipped} renderItem={(s) => <List.Item>{`${s.headName}：${s.reason}`}</List.Item>} style={{ maxHeight: 360, overflow: 'auto' }} />
      </Modal>
    </>
  );
  return { run, dialogs };
}
