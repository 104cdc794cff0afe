import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../shared/api/methods/auth';
import type { Profile } from '../../../shared/domain/profile';

export interface AppSession {
  user: SessionUser;
  profile: Profile;
  can(permission: string): boolean;
  /** Today in China time by the BACKEND's clock (training mode pins it with --now). */
  today(): string;
  /** Now by the backend's clock, as an ISO instant. */
  now(): string;
  reloadProfile(): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<AppSession | null>(null);

export function useSession(): AppSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the logged-in app');
  return s;
}
