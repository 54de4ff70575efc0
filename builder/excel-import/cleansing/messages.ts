import type { RuleFailure } from './types.ts';

export type CleansingLocale = 'en' | 'zh-CN';

const MESSAGES: Record<string, { en: string; 'zh-CN': string }> = {
  notNumber: { en: '"{value}" is not a number', 'zh-CN': '"{value}" 不是数字' },
  notDate: { en: '"{value}" is not a date', 'zh-CN': '"{value}" 不是有效日期' },
  notInMap: { en: '"{value}" is not in the value map', 'zh-CN': '"{value}" 不在值映射中' },
  notBoolean: { en: '"{value}" is not yes/no', 'zh-CN': '"{value}" 不是 是/否' },
  uscc: {
    en: '"{value}" is not a valid unified social credit code',
    'zh-CN': '"{value}" 不是有效的统一社会信用代码',
  },
  phone: { en: '"{value}" is not a mainland mobile number', 'zh-CN': '"{value}" 不是有效的手机号' },
  email: { en: '"{value}" is not an e-mail address', 'zh-CN': '"{value}" 不是有效的邮箱地址' },
  tooLong: { en: '{length} characters, at most {max} allowed', 'zh-CN': '长度 {length}，最多 {max} 个字符' },
  required: { en: 'a value is required', 'zh-CN': '必填' },
  notOption: { en: '"{value}" is not one of: {options}', 'zh-CN': '"{value}" 不是可选项之一：{options}' },
  notText: { en: 'expected text', 'zh-CN': '应为文本' },
  notReference: { en: '"{value}" matches no {what}', 'zh-CN': '找不到 "{value}" 对应的{what}' },
  ambiguousReference: { en: '"{value}" matches several {what}', 'zh-CN': '"{value}" 对应多个{what}' },
};

/** The message for a rule failure in `locale`; unknown codes fall back to the code itself. */
export function describeFailure(failure: RuleFailure, locale: CleansingLocale): string {
  const template = MESSAGES[failure.code]?.[locale] ?? failure.code;
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(failure.params?.[name] ?? ''));
}
