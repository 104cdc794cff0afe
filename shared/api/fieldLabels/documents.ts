// Chinese names of this area's API fields (last path segment → label), for validation messages.
// Only keys no other area defines: this table is merged last, so a shared key here would rename
// another area's field.
export const documentsLabels: Record<string, string> = {
  form: '文书',
  householdIds: '农户',
  merged: '合并方式',
  templateId: '模板',
  year: '年度',
  quarter: '季度',
};
