import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DomainError } from '../../../shared/domain/errors';

// Encrypted copies that leave the PC (U盘, township share): AES-256-GCM with a key from
// scrypt(password). Layout: MAGIC | u32 header length | header JSON | ciphertext | 16-byte tag.
// The header (salt, iv, scrypt parameters, kind) is authenticated as GCM additional data, so
// changing any byte of the file — header or body — makes decryption fail.

const MAGIC = Buffer.from('GLBACKUP1\n', 'ascii');
// OWASP: scrypt N=2^17, r=8, p=1 (≈128 MiB, so maxmem must be raised above Node's 32 MiB default).
const SCRYPT = { N: 131072, r: 8, p: 1 };
const MAXMEM = 256 * 1024 * 1024;
/** Largest plaintext we agree to inflate: a hostile file must not fill memory (zip-bomb rule). */
const MAX_PLAIN_BYTES = 1024 * 1024 * 1024;

export type SealedKind = 'sqlite' | 'logical';

interface Header {
  kind: SealedKind;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  compressed: 'gzip';
  createdAt: string;
}

const deriveKey = (password: string, salt: Buffer, h: Pick<Header, 'N' | 'r' | 'p'>): Buffer =>
  scryptSync(password.normalize('NFKC'), salt, 32, { N: h.N, r: h.r, p: h.p, maxmem: MAXMEM });

export function seal(plain: Uint8Array, password: string, kind: SealedKind, now: Date): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = { kind, kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), compressed: 'gzip', createdAt: now.toISOString() };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(password, salt, header), iv);
  cipher.setAAD(Buffer.concat([MAGIC, length, headerBytes]));
  const body = Buffer.concat([cipher.update(gzipSync(plain)), cipher.final()]);
  return Buffer.concat([MAGIC, length, headerBytes, body, cipher.getAuthTag()]);
}

export const isSealed = (bytes: Uint8Array): boolean => bytes.length > MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);

const wrongPassword = () => new DomainError('validation', '密码不正确，或文件已损坏/被改动。请核对密码后重试。', { issues: [{ path: 'password', message: '密码不正确，或文件已损坏。' }] });

export function unseal(sealed: Uint8Array, password: string): { kind: SealedKind; bytes: Buffer; createdAt: string } {
  const buf = Buffer.from(sealed);
  if (!isSealed(buf)) throw new DomainError('validation', '这不是本系统导出的加密备份文件。请选择扩展名为 .glbak 的文件。');
  const headerLength = buf.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerLength > 4096 || headerStart + headerLength + 16 > buf.length) throw wrongPassword();
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(headerStart, headerStart + headerLength).toString('utf8')) as Header;
  } catch {
    throw wrongPassword();
  }
  // Parameters come from the file: bound them so a crafted header cannot demand gigabytes.
  if (header.kdf !== 'scrypt' || header.N > 1 << 20 || header.r > 32 || header.p > 4 || (header.kind !== 'sqlite' && header.kind !== 'logical')) throw wrongPassword();
  const bodyStart = headerStart + headerLength;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(password, Buffer.from(header.salt, 'base64'), header), Buffer.from(header.iv, 'base64'));
    decipher.setAAD(buf.subarray(0, bodyStart));
    decipher.setAuthTag(buf.subarray(buf.length - 16));
    const compressed = Buffer.concat([decipher.update(buf.subarray(bodyStart, buf.length - 16)), decipher.final()]);
    return { kind: header.kind, bytes: gunzipSync(compressed, { maxOutputLength: MAX_PLAIN_BYTES }), createdAt: header.createdAt };
  } catch {
    throw wrongPassword();
  }
}
