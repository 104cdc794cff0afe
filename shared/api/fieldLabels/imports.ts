// Chinese names of this area's API fields (last path segment → label), for validation messages.
export const importsLabels: Record<string, string> = {
  file: '导入文件',
  jobId: '任务编号',
  previewId: '导入预览',
  mapping: '列对应',
  column: '列',
  field: '对应字段',
  options: '导入选项',
  createDivisions: '自动新建村组',
  defaultVillageId: '默认行政村',
  defaultHouseholdType: '默认户类型',
  rememberMapping: '记住列对应',
  severity: '问题类型',
  view: '导出名册',
  filter: '筛选条件',
  masked: '遮挡证件号码与电话',
  purpose: '导出用途',
};
