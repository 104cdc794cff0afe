// Roles and what each may do. The backend checks these for every method (never the renderer);
// the renderer only uses them to hide buttons a user could not press anyway.

export const ROLES = ['admin', 'clerk', 'reviewer', 'village', 'county', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '乡镇经办',
  reviewer: '乡镇审核',
  village: '村级录入',
  county: '县级审定',
  viewer: '只读/领导',
};

export const PERMISSIONS = [
  'register.read', // see registers (IDs masked unless pii.full)
  'register.write', // create/edit households, members, events
  'register.import',
  'register.export',
  'pii.full', // see full ID numbers and phones on screen and in internal forms
  'pii.unmask', // export a list that leaves the office without masking (audited)
  'divisions.write',
  'settings.write', // office settings and the 地方口径 profile
  'income.write',
  'assessment.write',
  'cases.read',
  'cases.village', // village-level steps: 申请, 入户核实, 评议, 公示 (recorded by clerk or village)
  'cases.township', // 镇街审核
  'cases.county', // 县级审定 (recorded from the county's reply in a township install)
  'cases.override', // elimination criteria override with a recorded reason
  'meetings.write',
  'assistance.write',
  'followups.write',
  'documents.generate',
  'templates.manage',
  'users.manage',
  'audit.read',
  'backups.manage',
  'system.check',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['register.read', 'cases.read', 'system.check'];
const CLERK_WORK: Permission[] = [
  ...READ,
  'register.write',
  'register.import',
  'register.export',
  'pii.full',
  'pii.unmask',
  'divisions.write',
  'income.write',
  'assessment.write',
  'cases.village',
  'cases.county',
  'meetings.write',
  'assistance.write',
  'followups.write',
  'documents.generate',
  'templates.manage',
  'audit.read',
];

/** Seed role table. A later profile may tighten it, but the backend is the only place it is enforced. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  clerk: CLERK_WORK,
  reviewer: [...READ, 'register.export', 'pii.full', 'cases.township', 'cases.override', 'meetings.write', 'documents.generate', 'audit.read'],
  village: [...READ, 'register.write', 'pii.full', 'income.write', 'assessment.write', 'cases.village', 'meetings.write', 'followups.write', 'documents.generate'],
  county: [...READ, 'register.export', 'pii.full', 'cases.county', 'cases.override', 'documents.generate', 'audit.read'],
  viewer: [...READ, 'register.export'],
};

export const roleCan = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** A user's reach: the whole township, or only some villages (村级录入 accounts). */
export type Scope = { kind: 'all' } | { kind: 'villages'; villageIds: string[] };
