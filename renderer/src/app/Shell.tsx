import { Button, Dropdown, Layout, Menu, Result, Spin, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/permissions';
import { GlobalSearch } from '../features/common/GlobalSearch';
import { ChangePasswordModal } from '../features/settings/ChangePasswordModal';
import { IdleLogout } from '../features/settings/IdleLogout';
import { RecoveryBanner } from '../features/settings/RecoveryBanner';
import { matchPath, navigate, useHashPath } from './router';
import { MENU_GROUPS, ROUTES } from './routes';
import { useSession } from './session';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const session = useSession();
  const path = useHashPath();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const visible = useMemo(() => ROUTES.filter((r) => !r.permission || session.can(r.permission)), [session]);

  const current = visible.map((r) => ({ r, params: matchPath(r.path, path === '/' ? '/workbench' : path) })).find((x) => x.params);
  const items = MENU_GROUPS.map((g) => {
    const children = visible.filter((r) => r.group === g.key && !r.hidden).map((r) => ({ key: r.path, label: r.label }));
    if (!children.length) return null;
    return children.length === 1 && g.key === 'workbench' ? { key: children[0].key, label: g.label } : { key: g.key, label: g.label, children };
  }).filter((x) => x !== null);

  const Page = current?.r.component;
  return (
    <Layout style={{ height: '100%' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <div style={{ padding: collapsed ? '16px 8px' : 16, fontWeight: 600, fontSize: collapsed ? 14 : 16 }}>{collapsed ? '防返贫' : '防返贫监测工作站'}</div>
        <Menu
          mode="inline"
          selectedKeys={current ? [current.r.path] : []}
          defaultOpenKeys={MENU_GROUPS.map((g) => g.key)}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0', lineHeight: 'normal' }}>
          <span style={{ fontWeight: 600 }}>
            {session.profile.office.county} {session.profile.office.township}
          </span>
          <GlobalSearch />
          <span style={{ flex: 1 }} />
          <Dropdown menu={{ items: [
                { key: 'password', label: '修改密码', onClick: () => setChangingPassword(true) },
                { key: 'logout', label: '退出登录', onClick: () => void session.logout() },
              ] }}>
            <Button type="text">
              {session.user.displayName} <Tag style={{ marginLeft: 6 }}>{ROLE_LABELS[session.user.role]}</Tag>
            </Button>
          </Dropdown>
        </Header>
        <RecoveryBanner />
        <IdleLogout />
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
        <Content style={{ overflow: 'auto', background: '#fff' }}>
          <Suspense fallback={<Spin style={{ marginTop: 80, width: '100%' }} />}>
            {Page && current ? <Page params={current.params!} /> : <Result status="404" title="没有这个页面" subTitle="请从左侧菜单选择要办理的事项。" />}
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
