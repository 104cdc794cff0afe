import { App, Button, Modal, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

/**
 * 签字板: mouse, pen or finger on a canvas (signature_pad), handed over as PNG base64 (no data: prefix).
 * The canvas is sized for the device's pixel ratio so strokes stay sharp on pen tablets.
 */
export function SignaturePadModal({ signer, open, onCancel, onSign }: { signer: string; open: boolean; onCancel: () => void; onSign: (pngBase64: string) => Promise<void> }) {
  const { message } = App.useApp();
  const padRef = useRef<SignaturePad | null>(null);
  const [saving, setSaving] = useState(false);

  // The modal mounts its body some time after opening: set the pad up when the canvas itself mounts,
  // sized for the device's pixel ratio.
  const canvasRef = useCallback((canvas: HTMLCanvasElement | null) => {
    padRef.current?.off();
    padRef.current = null;
    if (!canvas) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    padRef.current = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(0,0,0)', minWidth: 1, maxWidth: 2.5 });
  }, []);

  useEffect(() => {
    if (!open) {
      padRef.current?.off();
      padRef.current = null;
    }
  }, [open]);

  const confirm = async () => {
    const pad = padRef.current;
    if (!pad || pad.isEmpty()) return void message.warning(`请「${signer}」在签字框内签名后再确认。`);
    setSaving(true);
    try {
      await onSign(pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`签字：${signer}`}
      open={open}
      onCancel={onCancel}
      // A stroke that runs past the canvas must not close the pad and lose the signature.
      maskClosable={false}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => padRef.current?.clear()}>清除重签</Button>
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void confirm()}>
            确认签字
          </Button>
        </Space>
      }
    >
      <p className="gl-muted">请本人用鼠标、手写笔或手指在下方框内签名。签字后会议记录内容不能再修改。</p>
      <canvas ref={canvasRef} data-testid="signature-canvas" style={{ width: '100%', height: 220, border: '1px dashed #999', borderRadius: 4, touchAction: 'none', background: '#fff' }} />
    </Modal>
  );
}
