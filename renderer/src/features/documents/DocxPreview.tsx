import { Alert, Spin } from 'antd';
import { renderAsync } from 'docx-preview';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { api } from '../../api/client';
import { printDocx } from './printDocx';

export interface DocxPreviewHandle {
  print(): void;
}

/**
 * A generated .docx rendered in the app (docx-preview, A4 pages as Word lays them out). The bytes
 * come from the same file URL the download uses (same-origin in browser mode, the preload's file
 * URL in the desktop app). `ref.print()` prints just these pages.
 */
export const DocxPreview = forwardRef<DocxPreviewHandle, { fileId: string; height?: number | string; onReady?: (ok: boolean) => void }>(function DocxPreview({ fileId, height = '70vh', onReady }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useImperativeHandle(ref, () => ({ print: () => container.current && printDocx(container.current) }), []);

  useEffect(() => {
    let live = true;
    setState('loading');
    (async () => {
      const res = await fetch(api.fileUrl(fileId), { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const bytes = await res.arrayBuffer();
      if (!live || !container.current) return;
      container.current.innerHTML = '';
      await renderAsync(bytes, container.current, undefined, { className: 'docx', inWrapper: true, breakPages: true, ignoreLastRenderedPageBreak: true, renderHeaders: true, renderFooters: true, useBase64URL: true });
    })().then(
      () => live && (setState('ready'), onReady?.(true)),
      () => live && (setState('failed'), onReady?.(false)),
    );
    return () => {
      live = false;
    };
  }, [fileId, onReady]);

  return (
    <div style={{ position: 'relative' }}>
      {state === 'loading' && <Spin style={{ position: 'absolute', left: '50%', top: 40 }} />}
      {state === 'failed' && <Alert type="error" showIcon message="无法预览该文书，请点击“保存”后用 Word 或 WPS 打开。" />}
      <div ref={container} className="gl-docx-preview" style={{ height }} data-testid="docx-preview" />
    </div>
  );
});
