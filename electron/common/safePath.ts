import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path to a file under `root`, or null when it would escape it (`..`, encoded
 * slashes, absolute paths, NUL). Used by the app:// protocol and the browser-mode static server.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '');
  const target = resolve(root, rel);
  const fromRoot = relative(resolve(root), target);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot) || fromRoot.split(sep).includes('..')) return null;
  return target;
}
