import { useEffect } from 'react';
import { useSession } from '../../app/session';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Reliability bar A-05: after the profile's idle time (security.idleMinutes) without a key press
 * or click, log out — the shell unmounts, so names and ID numbers leave the screen and the DOM,
 * and the next person must sign in. The backend ends the session on the same rule regardless.
 */
export function IdleLogout() {
  const session = useSession();
  const minutes = session.profile.security.idleMinutes;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void session.logout(), minutes * 60_000);
    };
    arm();
    ACTIVITY.forEach((e) => window.addEventListener(e, arm, { passive: true }));
    return () => {
      clearTimeout(timer);
      ACTIVITY.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [minutes, session]);
  return null;
}
