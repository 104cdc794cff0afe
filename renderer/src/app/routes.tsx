import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// The whole navigation of the app (UI.md): every screen, its menu group and the permission that
// shows it. A feature adds its screen here and nowhere else.

export interface RouteDef {
  path: string;
  label: string;
  group: MenuGroup;
  permission?: string;
  /** Not shown in the menu (detail pages). */
  hidden?: boolean;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
}

export type MenuGroup = 'workbench' | 'register' | 'monitoring' | 'meetings' | 'comparison' | 'documents' | 'reports' | 'quality' | 'system';

export const MENU_GROUPS: { key: MenuGroup; label: string }[] = [
  { key: 'workbench', label: '工作台' },
  { key: 'register', label: '花名册' },
  { key: 'monitoring', label: '监测帮扶' },
  { key: 'meetings', label: '会议与公示' },
  { key: 'documents', label: '文书打印' },
  { key: 'reports', label: '统计报表' },
  { key: 'system', label: '系统管理' },
];

const page = <T extends Record<string, ComponentType<{ params: Record<string, string> }>>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name] }));

export const ROUTES: RouteDef[] = [
  { path: '/workbench', label: '工作台', group: 'workbench', component: page(() => import('../features/workbench/WorkbenchPage'), 'WorkbenchPage') },
  { path: '/register/households', label: '户籍名册', group: 'register', permission: 'register.read', component: page(() => import('../features/register/HouseholdRegisterPage'), 'HouseholdRegisterPage') },
  { path: '/register/members', label: '人员名册', group: 'register', permission: 'register.read', component: page(() => import('../features/register/MemberRegisterPage'), 'MemberRegisterPage') },
  { path: '/register/monitored', label: '监测对象', group: 'register', permission: 'register.read', component: page(() => import('../features/register/MonitoredRegisterPage'), 'MonitoredRegisterPage') },
  { path: '/register/import', label: '导入花名册', group: 'register', permission: 'register.import', component: page(() => import('../features/imports/RosterImportPage'), 'RosterImportPage') },
  { path: '/household/:id', label: '农户档案', group: 'register', hidden: true, permission: 'register.read', component: page(() => import('../features/household/HouseholdPage'), 'HouseholdPage') },
  { path: '/cases/leads', label: '线索与预警', group: 'monitoring', permission: 'cases.read', component: page(() => import('../features/cases/LeadsPage'), 'LeadsPage') },
  { path: '/cases/identification', label: '识别纳入', group: 'monitoring', permission: 'cases.read', component: page(() => import('../features/cases/CasesPage'), 'IdentificationCasesPage') },
  { path: '/cases/elimination', label: '风险消除', group: 'monitoring', permission: 'cases.read', component: page(() => import('../features/cases/CasesPage'), 'EliminationCasesPage') },
  { path: '/case/:id', label: '办理详情', group: 'monitoring', hidden: true, permission: 'cases.read', component: page(() => import('../features/cases/CaseDetailPage'), 'CaseDetailPage') },
  { path: '/assistance/measures', label: '帮扶措施', group: 'monitoring', permission: 'register.read', component: page(() => import('../features/assistance/MeasuresPage'), 'MeasuresPage') },
  { path: '/assistance/followups', label: '走访跟踪', group: 'monitoring', permission: 'register.read', component: page(() => import('../features/assistance/FollowupsPage'), 'FollowupsPage') },
  { path: '/meetings', label: '评议会议', group: 'meetings', permission: 'cases.read', component: page(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage') },
  { path: '/meeting/:id', label: '会议详情', group: 'meetings', hidden: true, permission: 'cases.read', component: page(() => import('../features/meetings/MeetingDetailPage'), 'MeetingDetailPage') },
  { path: '/notices', label: '公示管理', group: 'meetings', permission: 'cases.read', component: page(() => import('../features/meetings/NoticesPage'), 'NoticesPage') },
  { path: '/documents', label: '文书生成', group: 'documents', permission: 'documents.generate', component: page(() => import('../features/documents/DocumentsPage'), 'DocumentsPage') },
  { path: '/documents/templates', label: '模板管理', group: 'documents', permission: 'templates.manage', component: page(() => import('../features/documents/TemplatesPage'), 'TemplatesPage') },
  { path: '/reports/quarterly', label: '季度风险评估表', group: 'reports', permission: 'register.export', component: page(() => import('../features/reports/QuarterlyPage'), 'QuarterlyPage') },
  { path: '/reports/ledgers', label: '台账', group: 'reports', permission: 'register.export', component: page(() => import('../features/reports/LedgersPage'), 'LedgersPage') },
  { path: '/settings/divisions', label: '单位与区划', group: 'system', permission: 'register.read', component: page(() => import('../features/settings/DivisionsPage'), 'DivisionsPage') },
  { path: '/settings/profile', label: '地方口径', group: 'system', permission: 'settings.write', component: page(() => import('../features/settings/ProfilePage'), 'ProfilePage') },
  { path: '/settings/users', label: '用户与权限', group: 'system', permission: 'users.manage', component: page(() => import('../features/settings/UsersPage'), 'UsersPage') },
  { path: '/settings/backups', label: '备份与恢复', group: 'system', permission: 'backups.manage', component: page(() => import('../features/settings/BackupsPage'), 'BackupsPage') },
  { path: '/settings/audit', label: '审计日志', group: 'system', permission: 'audit.read', component: page(() => import('../features/settings/AuditPage'), 'AuditPage') },
];
