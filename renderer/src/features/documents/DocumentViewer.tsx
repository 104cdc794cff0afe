import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Modal, Space } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../common/errors';
import { DocxPreview, type DocxPreviewHandle } from './DocxPreview';

export interface ViewedFile {
  fileId: string;
  name: string;
  mime?: string;
}

const isDocx = (f: ViewedFile) => f.name.toLowerCase().endsWith('.docx');
const isImage = (f: ViewedFile) => (f.mime ?? '').startsWith('image/') || /\.(png|jpe?g)$/i.test(f.name);

/** 保存: the browser download, or the desktop app's save dialog (same api.download call). */
export function useSaveFile() {
  const { message } = App.useApp();
  return useCallback(
    async (f: ViewedFile) => {
      try {
        await api.download(f.fileId, f.name);
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [message],
  );
}

/** Preview of a generated document (or a scan/photo) with 打印 and 保存. */
export function DocumentViewer({ file, onClose }: { file: ViewedFile | null; onClose: () => void }) {
  const preview = useRef<DocxPreviewHandle>(null);
  const [ready, setReady] = useState(false);
  const save = useSaveFile();
  const onReady = useCallback((ok: boolean) => setReady(ok), []);
  return (
    <Modal
      open={file !== null}
      title={file?.name}
      width="min(1000px, 96vw)"
      onCancel={onClose}
      destroyOnHidden
      footer={
        file && (
          <Space>
            {isDocx(file) && (
              <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => preview.current?.print()} data-testid="print-document">
                打印
              </Button>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => void save(file)} data-testid="save-document">
              保存
            </Button>
            <Button onClick={onClose}>关闭</Button>
          </Space>
        )
      }
    >
      {file && isDocx(file) && <DocxPreview ref={preview} fileId={file.fileId} onReady={onReady} />}
      {file && isImage(file) && <img src={api.fileUrl(file.fileId)} alt={file.name} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} />}
      {file && !isDocx(file) && !isImage(file) && <Empty description="此文件不能在程序内预览，请点击“保存”后打开。" />}
    </Modal>
  );
}
