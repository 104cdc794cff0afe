// Chinese names of this area's API fields (last path segment → label), for validation messages.
export const reliabilityLabels: Record<string, string> = {
  currentPassword: '原密码',
  initialPassword: '初始密码',
  disabled: '停用',
  villageIds: '所辖村',
  userId: '操作人',
  householdId: '农户',
  entity: '对象类型',
  from: '开始日期',
  to: '结束日期',
  full: '检查方式',
  fileToken: '备份文件',
  backupId: '备份',
};
