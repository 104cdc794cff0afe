import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { DomainError } from '../../../shared/domain/errors';

// Zip-bomb guard for .xlsx uploads (reliability-bar X-01, modelled on Apache POI's ZipSecureFile):
// the central directory is read BEFORE exceljs sees the file, and every entry is then inflated with a
// hard output cap equal to its declared size, so a directory that lies about sizes is caught too.

export const ZIP_LIMITS = {
  maxCompressedBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** POI's MIN_INFLATE_RATIO: compressed/uncompressed below this is a bomb, for entries over the threshold. */
  minInflateRatio: 0.01,
  ratioThresholdBytes: 100 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipFindings {
  entries: ZipEntry[];
  /** Workbook parts exceljs would ignore but a clerk should hear about (external links). */
  notes: string[];
  /** The inflated XML parts under xl/ (workbook, rels, styles, strings, sheets): the fast reader's input. */
  parts: Map<string, Buffer>;
}

const inflateCapped = promisify(inflateRaw) as (buf: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;
const refuse = (message: string): DomainError => new DomainError('validation', message);
const BROKEN = '文件不是有效的 .xlsx 工作簿（可能已损坏），请在 Excel/WPS 中打开后另存为 .xlsx 再导入。';

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 65_557);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw refuse(BROKEN);
}

/** Lists the entries from the central directory; refuses encrypted, ZIP64 and oversized archives. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw refuse(BROKEN);
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse('工作簿过大或结构特殊（ZIP64），无法导入。请删除多余的工作表后另存为 .xlsx 再试。');
  if (count > ZIP_LIMITS.maxEntries) throw refuse(`工作簿内部文件过多（${count} 个），疑似异常文件，已拒绝导入。`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw refuse(BROKEN);
    const flags = buf.readUInt16LE(p + 8);
    if (flags & 0x1) throw refuse('工作簿已加密（设置了打开密码），无法读取。请取消密码后另存为 .xlsx 再导入。');
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Size and ratio limits on the declared sizes; macro workbooks refused; external links noted. */
export function checkDeclared(entries: readonly ZipEntry[]): string[] {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalUncompressed) throw refuse('工作簿解压后超过 200 MB，疑似压缩炸弹或异常文件，已拒绝导入。');
    if (e.uncompressedSize > ZIP_LIMITS.ratioThresholdBytes && e.compressedSize / e.uncompressedSize < ZIP_LIMITS.minInflateRatio) {
      throw refuse('工作簿中有压缩比异常高的内容，疑似压缩炸弹，已拒绝导入。');
    }
    if (/^xl\/vbaProject\.bin$/i.test(e.name)) throw refuse('这是含宏的工作簿（.xlsm），为安全起见不能导入。请另存为普通 .xlsx 工作簿后再导入。');
  }
  return entries.some((e) => /^xl\/externalLinks\//i.test(e.name)) ? ['文件中有指向其他工作簿的外部链接，已忽略：只读取单元格中保存的值，不会打开链接。'] : [];
}

const KEPT_PART = /^xl\/[^]*\.(xml|rels)$/;

/**
 * Inflates every entry with its declared size as a hard cap: a lying directory fails here. Returns the
 * XML parts under xl/, so the reader need not inflate them a second time.
 */
export async function verifyInflatedSizes(buf: Buffer, entries: readonly ZipEntry[]): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    const h = e.localHeaderOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw refuse(BROKEN);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw refuse(BROKEN);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw refuse(BROKEN);
      if (KEPT_PART.test(e.name)) parts.set(e.name, data);
      continue;
    }
    if (e.method !== 8) throw refuse('工作簿使用了不支持的压缩方式，请在 Excel/WPS 中另存为 .xlsx 再导入。');
    let out: Buffer;
    try {
      out = await inflateCapped(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw refuse(tooBig ? '工作簿中有内容解压后大于其声明的大小，疑似压缩炸弹，已拒绝导入。' : BROKEN);
    }
    if (out.length !== e.uncompressedSize) throw refuse(BROKEN);
    if (KEPT_PART.test(e.name)) parts.set(e.name, out);
  }
  return parts;
}

/** The whole guard: run before any XML parser touches the file. */
export async function guardXlsx(buf: Buffer): Promise<ZipFindings> {
  if (buf.length > ZIP_LIMITS.maxCompressedBytes) throw refuse(`文件过大（${(buf.length / 1048576).toFixed(1)} MB），导入文件不能超过 20 MB。请按村拆分后分批导入。`);
  const entries = readCentralDirectory(buf);
  const notes = checkDeclared(entries);
  const parts = await verifyInflatedSizes(buf, entries);
  return { entries, notes, parts };
}
