/**
 * Signatures on printed forms: a PNG from the signature pad is embedded at a fixed height keeping
 * its aspect ratio; a paper-signed mark prints 「纸质签字」; otherwise the space stays empty for a pen.
 */
import { ImageRun, type ParagraphChild } from 'docx';
import { validationError } from '../../../shared/domain/errors';
import type { SignatureVM } from './model-common';
import { run, PT } from './text';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG IHDR chunk; throws a Chinese validation error for non-PNG data. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const isPng = bytes.length >= 24 && PNG_MAGIC.every((b, i) => bytes[i] === b);
  if (!isPng) {
    throw validationError([{ path: '签名图片', message: '签名图片不是 PNG 格式，请重新签字或改为纸质签字。' }]);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) {
    throw validationError([{ path: '签名图片', message: '签名图片尺寸为零，请重新签字。' }]);
  }
  return { width, height };
}

/** Box a signature is fitted into, in pixels at 96 dpi (docx's unit). */
export interface SignatureBox {
  width: number;
  height: number;
}

/** 2.4 cm × 0.95 cm: fits a name in a 四号 table row. */
export const SIGNATURE_BOX: SignatureBox = { width: 90, height: 36 };

/** Scale (width, height) to fit in the box, keeping the aspect ratio. */
export function fitInBox(size: { width: number; height: number }, box: SignatureBox): { width: number; height: number } {
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

export const PAPER_SIGNED = '纸质签字';

/**
 * Runs for one signature: the image, or 「纸质签字」, or nothing (the pen's space). The name is
 * printed beside an image only when `name` is given (signature pads give illegible strokes).
 */
export function signatureRuns(
  sig: SignatureVM | undefined,
  opts: { box?: SignatureBox; size?: number; altName?: string } = {},
): ParagraphChild[] {
  if (sig?.签名图片 && sig.签名图片.length > 0) {
    const fitted = fitInBox(pngSize(sig.签名图片), opts.box ?? SIGNATURE_BOX);
    return [
      new ImageRun({
        type: 'png',
        data: sig.签名图片,
        transformation: fitted,
        altText: { name: 'signature', title: '签名', description: opts.altName ? `${opts.altName}的签名` : '签名' },
      }),
    ];
  }
  if (sig?.纸质签字) return [run(PAPER_SIGNED, { size: opts.size ?? PT.小四 })];
  return [];
}

/** True when the signature will print something (image or paper mark). */
export const isSigned = (sig: SignatureVM | undefined): boolean => Boolean(sig?.签名图片?.length || sig?.纸质签字);
