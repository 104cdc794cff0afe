import { useEffect, useState } from 'react';

// A tiny hash router: the app is served from app:// and from http alike, and hash routes need no
// server support. Routes look like #/register/households or #/household/<id>.
export function useHashPath(): string {
  const [path, setPath] = useState(() => currentPath());
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}

const currentPath = () => window.location.hash.replace(/^#/, '') || '/';

export const navigate = (path: string): void => {
  window.location.hash = path;
};

/** Matches `/household/:id` style patterns; returns params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('?')[0].split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}
