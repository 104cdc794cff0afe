import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionUser } from '../../../shared/api/methods/auth';
import { chinaDate } from '../../../shared/domain/chinaTime';
import type { Profile } from '../../../shared/domain/profile';
import { api } from '../api/client';
import { FirstRunPage } from '../features/auth/FirstRunPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionContext, type AppSession } from './session';
import { Shell } from './Shell';
import { ChangePasswordModal } from '../features/settings/ChangePasswordModal';

dayjs.locale('zh-cn');

type Phase = { kind: 'loading' } | { kind: 'firstRun' } | { kind: 'login' } | { kind: 'ready'; user: SessionUser; profile: Profile; clockOffsetMs: number };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const enter = useCallback(async (user: SessionUser) => {
    const [settings, health] = await Promise.all([api.call('settings.get', {}), api.call('system.health', {})]);
    setPhase({ kind: 'ready', user, profile: settings.profile as unknown as Profile, clockOffsetMs: Date.parse(health.now) - Date.now() });
  }, []);

  const boot = useCallback(async () => {
    const me = await api.result('auth.me', {});
    if (me.ok) return enter(me.value);
    const status = await api.result('auth.setupStatus', {});
    setPhase(status.ok && status.value.needsAdmin ? { kind: 'firstRun' } : { kind: 'login' });
  }, [enter]);

  useEffect(() => {
    void boot();
    return api.onUnauthenticated(() => setPhase((p) => (p.kind === 'ready' ? { kind: 'login' } : p)));
  }, [boot]);

  const session = useMemo<AppSession | null>(() => {
    if (phase.kind !== 'ready') return null;
    return {
      user: phase.user,
      profile: phase.profile,
      can: (p) => phase.user.permissions.includes(p),
      now: () => new Date(Date.now() + phase.clockOffsetMs).toISOString(),
      today: () => chinaDate(new Date(Date.now() + phase.clockOffsetMs)),
      reloadProfile: async () => {
        const s = await api.call('settings.get', {});
        setPhase({ ...phase, profile: s.profile as unknown as Profile });
      },
      logout: async () => {
        await api.result('auth.logout', {});
        setPhase({ kind: 'login' });
      },
    };
  }, [phase]);

  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 14, colorPrimary: '#1677ff' } }}>
      {/* Full height, so the shell's flex layout can size a register grid to the window: without it
          the grid grew past the fold and drew ~10 rows nobody could see on every scrolled frame. */}
      <AntApp style={{ height: '100%' }}>
        {phase.kind === 'loading' && <Spin size="large" style={{ marginTop: '30vh', width: '100%' }} />}
        {phase.kind === 'firstRun' && <FirstRunPage onDone={enter} />}
        {phase.kind === 'login' && <LoginPage onDone={enter} />}
        {session && (
          <SessionContext.Provider value={session}>
            <Shell />
            {session.user.mustChangePassword && <ChangePasswordModal open forced onClose={() => void boot()} />}
          </SessionContext.Provider>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
