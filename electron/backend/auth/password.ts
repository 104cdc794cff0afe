import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt (memory-hard, in node:crypto, no native add-on to rebuild for Electron).
// N=2^15, r=8, p=1 ≈ 32 MiB and ~60–100 ms per check: slow for a guesser, fine for a login.
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFKC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash computed once so that logins for unknown users take as long as for known ones. */
let dummyHash: string | undefined;
export const dummyPasswordHash = (): string => (dummyHash ??= hashPassword('guardline-dummy-password'));
