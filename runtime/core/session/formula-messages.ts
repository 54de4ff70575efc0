import type { ErrorCode } from '../formula/index.ts';
import type { Locale } from '../validate/index.ts';

const REASONS: Record<Locale, Record<ErrorCode, string>> = {
  en: {
    '#DIV/0!': 'division by zero',
    '#VALUE!': 'a value has the wrong type',
    '#N/A': 'a lookup found no match',
    '#NAME?': 'the formula refers to an unknown name',
    '#NUM!': 'a number is out of range',
    '#REF!': 'an invalid or circular reference',
    '#NULL!': 'an empty intersection',
    '#CALC!': 'the calculation failed or took too long',
  },
  'zh-CN': {
    '#DIV/0!': '除数为零',
    '#VALUE!': '值的类型不正确',
    '#N/A': '查找不到匹配的值',
    '#NAME?': '公式引用了未知的名称',
    '#NUM!': '数值超出范围',
    '#REF!': '引用无效或循环引用',
    '#NULL!': '区域没有交集',
    '#CALC!': '计算失败或超出计算步数限制',
  },
};

/** `"Amount" (row 2) cannot be calculated: division by zero (#DIV/0!)` / `“金额”第 2 行无法计算：除数为零（#DIV/0!）` */
export function formulaErrorMessage(input: {
  locale: Locale;
  label: string;
  code: ErrorCode;
  row: number | null;
}): string {
  const { locale, label, code, row } = input;
  const reason = REASONS[locale][code] ?? code;
  if (locale === 'zh-CN')
    return `“${label}”${row === null ? '' : `第 ${row + 1} 行`}无法计算：${reason}（${code}）`;
  return `"${label}"${row === null ? '' : ` (row ${row + 1})`} cannot be calculated: ${reason} (${code})`;
}
