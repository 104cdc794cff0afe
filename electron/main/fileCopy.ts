import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';

// Saving a generated file to a folder the clerk chose — often a U盘, and USB sticks are known to
// lie about writes (reliability bar B-04). So: copy to a temp name, flush, read the copy back and
// compare its hash, and only then give it the final name. No 'electron' import: unit-tested.

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function copyVerified(source: string, target: string, expectedSha256: string): void {
  const tmp = `${target}.guardline-tmp`;
  try {
    copyFileSync(source, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (sha256(readFileSync(tmp)) !== expectedSha256) throw new Error('the copy read back differs from the original');
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
