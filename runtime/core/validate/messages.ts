/** Field error messages, zh-CN and en. Every message names the field by its label. */

export type Locale = 'zh-CN' | 'en';

export type FieldErrorCode =
  | 'required'
  | 'type'
  | 'min'
  | 'max'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'option'
  | 'date'
  | 'datetime'
  | 'email'
  | 'phone'
  | 'uscc'
  | 'minItems'
  | 'maxItems'
  | 'duplicateItems'
  | 'fileSize'
  | 'minRows'
  | 'maxRows'
  | 'unique'
  | 'unknownField'
  | 'invalid';

export type ExpectedType = 'text' | 'number' | 'boolean' | 'list' | 'record';

export interface MessageParams {
  label: string;
  limit?: number | string;
  expected?: ExpectedType;
  /** 1-based row number (with `type`: the row itself is malformed) */
  row?: number;
  /** a file name */
  name?: string;
  /** the designer's pattern hint */
  hint?: string;
}

type Catalogue = Record<FieldErrorCode, (p: MessageParams) => string>;

const EXPECTED_EN: Record<ExpectedType, string> = {
  text: 'text',
  number: 'a number',
  boolean: 'yes or no',
  list: 'a list',
  record: 'an object',
};

const EXPECTED_ZH: Record<ExpectedType, string> = {
  text: '文本',
  number: '数字',
  boolean: '“是”或“否”',
  list: '列表',
  record: '对象',
};

const en: Catalogue = {
  required: (p) => `"${p.label}" is required`,
  type: (p) =>
    p.row === undefined
      ? `"${p.label}" must be ${EXPECTED_EN[p.expected ?? 'text']}`
      : `"${p.label}" row ${p.row} is not a valid row`,
  min: (p) => `"${p.label}" must be at least ${p.limit}`,
  max: (p) => `"${p.label}" must be at most ${p.limit}`,
  minLength: (p) => `"${p.label}" must have at least ${count(p.limit, 'character')}`,
  maxLength: (p) => `"${p.label}" must have at most ${count(p.limit, 'character')}`,
  pattern: (p) => (p.hint ? `"${p.label}": ${p.hint}` : `"${p.label}" is not in the expected format`),
  option: (p) => `"${p.label}" must be one of the listed options`,
  date: (p) => `"${p.label}" must be a valid date (YYYY-MM-DD)`,
  datetime: (p) => `"${p.label}" must be a valid date and time`,
  email: (p) => `"${p.label}" must be a valid e-mail address`,
  phone: (p) => `"${p.label}" must be a mainland China mobile number (11 digits)`,
  uscc: (p) => `"${p.label}" is not a valid unified social credit code`,
  minItems: (p) => `"${p.label}" needs at least ${count(p.limit, 'item')}`,
  maxItems: (p) => `"${p.label}" allows at most ${count(p.limit, 'item')}`,
  duplicateItems: (p) => `"${p.label}" contains the same item twice`,
  fileSize: (p) => `"${p.label}": file "${p.name}" is larger than ${p.limit} MB`,
  minRows: (p) => `"${p.label}" needs at least ${count(p.limit, 'row')}`,
  maxRows: (p) => `"${p.label}" allows at most ${count(p.limit, 'row')}`,
  unique: (p) => `"${p.label}" must be unique: row ${p.row} has the same value`,
  unknownField: (p) => `"${p.label}" is not a field of this form`,
  invalid: (p) => `"${p.label}" is invalid`,
};

const zhCN: Catalogue = {
  required: (p) => `“${p.label}”为必填项`,
  type: (p) =>
    p.row === undefined
      ? `“${p.label}”必须是${EXPECTED_ZH[p.expected ?? 'text']}`
      : `“${p.label}”第 ${p.row} 行不是有效的数据行`,
  min: (p) => `“${p.label}”不能小于 ${p.limit}`,
  max: (p) => `“${p.label}”不能大于 ${p.limit}`,
  minLength: (p) => `“${p.label}”至少需要 ${p.limit} 个字符`,
  maxLength: (p) => `“${p.label}”不能超过 ${p.limit} 个字符`,
  pattern: (p) => (p.hint ? `“${p.label}”：${p.hint}` : `“${p.label}”格式不正确`),
  option: (p) => `“${p.label}”必须是列表中的选项`,
  date: (p) => `“${p.label}”不是有效的日期（YYYY-MM-DD）`,
  datetime: (p) => `“${p.label}”不是有效的日期时间`,
  email: (p) => `“${p.label}”不是有效的电子邮箱地址`,
  phone: (p) => `“${p.label}”不是有效的手机号码（11 位）`,
  uscc: (p) => `“${p.label}”不是有效的统一社会信用代码`,
  minItems: (p) => `“${p.label}”至少需要 ${p.limit} 项`,
  maxItems: (p) => `“${p.label}”最多 ${p.limit} 项`,
  duplicateItems: (p) => `“${p.label}”包含重复项`,
  fileSize: (p) => `“${p.label}”中的文件“${p.name}”超过 ${p.limit} MB`,
  minRows: (p) => `“${p.label}”至少需要 ${p.limit} 行`,
  maxRows: (p) => `“${p.label}”最多 ${p.limit} 行`,
  unique: (p) => `“${p.label}”不能重复（与第 ${p.row} 行相同）`,
  unknownField: (p) => `“${p.label}”不是此表单的字段`,
  invalid: (p) => `“${p.label}”无效`,
};

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };

function count(limit: number | string | undefined, noun: string): string {
  return `${limit} ${noun}${limit === 1 ? '' : 's'}`;
}

export function formatMessage(locale: Locale, code: FieldErrorCode, params: MessageParams): string {
  return CATALOGUES[locale][code](params);
}
