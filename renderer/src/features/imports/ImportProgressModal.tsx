import { Button, Modal, Progress } from 'antd';
import type { JobProgress } from './useJobProgress';

/** Long work in progress: the real percentage, the backend's status line, and 取消. */
export function ImportProgressModal({ title, progress, onCancel, cancelling, cancelNote }: { title: string; progress: JobProgress | null; onCancel: () => void; cancelling: boolean; cancelNote?: string }) {
  return (
    <Modal
      open={progress !== null}
      title={title}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button onClick={onCancel} loading={cancelling} disabled={cancelling}>
          取消
        </Button>
      }
    >
      <div data-testid="import-progress">
        <Progress percent={progress?.percent ?? 0} status="active" />
        <div className="gl-muted" style={{ marginTop: 8 }}>
          {progress?.message ?? ''}
        </div>
        {cancelNote && (
          <div className="gl-muted" style={{ marginTop: 8, fontSize: 12 }}>
            {cancelNote}
          </div>
        )}
      </div>
    </Modal>
  );
}
