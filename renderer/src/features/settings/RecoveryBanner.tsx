import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';

/** Shown above every page while the database is in read-only recovery mode (system.health), including when it is entered after the start. */
export function RecoveryBanner() {
  const session = useSession();
  const [readOnly, setReadOnly] = useState(false);
  useEffect(() => {
    const load = () => void api.result('system.health', {}).then((r) => r.ok && setReadOnly(r.value.readOnly));
    load();
    // A county-size database is checked after the start; entering recovery then announces entity '*'.
    return api.onEvent('data.changed', (e) => {
      if (e.entity === '*') load();
    });
  }, []);
  if (!readOnly) return null;
  const canRestore = session.can('backups.manage');
  return (
    <Alert
      type="error"
      banner
      showIcon
      data-testid="read-only-banner"
      title={canRestore ? '数据库处于只读恢复模式，暂不能修改数据。请到“备份与恢复”从备份恢复。' : '数据库处于只读恢复模式，暂不能修改数据。请联系管理员处理。'}
      action={canRestore ? <a onClick={() => navigate('/settings/backups')}>去恢复</a> : undefined}
    />
  );
}
