/** The renderer's own UI words (zh-CN / en); field labels and validation messages come from the form and runtime/core. */

export type RendererLocale = 'zh-CN' | 'en';

const en = {
  addRow: 'Add row',
  insertAbove: 'Insert row above',
  insertBelow: 'Insert row below',
  duplicateRow: 'Duplicate row',
  deleteRow: 'Delete row',
  rowActions: 'Row actions',
  dragRow: 'Drag to reorder',
  row: 'Row {n}',
  rows: '{n} rows',
  total: 'Total',
  noRows: 'No rows yet',
  yes: 'Yes',
  no: 'No',
  computed: 'Computed: {formula}',
  serialPending: 'Assigned when saved',
  searchMember: 'Search by name',
  selectDepartment: 'Select a department',
  upload: 'Upload',
  uploadUnavailable: 'File upload is not available yet',
  tooLarge: '{name} is larger than {limit} MB',
  tooMany: 'At most {limit} files',
  signHere: 'Sign here',
  clear: 'Clear',
  signed: 'Signed',
  pasteRows: 'Pasted {n} rows',
  scanHint: 'Scan or type, then Enter',
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  addRow: '添加一行',
  insertAbove: '在上方插入行',
  insertBelow: '在下方插入行',
  duplicateRow: '复制此行',
  deleteRow: '删除此行',
  rowActions: '行操作',
  dragRow: '拖动以排序',
  row: '第 {n} 行',
  rows: '共 {n} 行',
  total: '合计',
  noRows: '暂无数据',
  yes: '是',
  no: '否',
  computed: '自动计算：{formula}',
  serialPending: '保存后自动生成',
  searchMember: '按姓名搜索',
  selectDepartment: '选择部门',
  upload: '上传',
  uploadUnavailable: '暂不支持上传文件',
  tooLarge: '{name} 超过 {limit} MB',
  tooMany: '最多 {limit} 个文件',
  signHere: '请在此签名',
  clear: '清除',
  signed: '已签名',
  pasteRows: '已粘贴 {n} 行',
  scanHint: '扫码或输入后按回车',
};

const CATALOGUES: Record<RendererLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function message(
  locale: RendererLocale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
