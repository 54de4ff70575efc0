/**
 * Business words of order-processing templates. Pinyin is not available, so Chinese
 * labels get English keys only through this list (`客户名称` → customer + name →
 * `customerName`); anything not covered falls back to `field_<n>`.
 */
import { ZH_WORDS_TEXT } from './vocabulary-zh.ts';

const ZH_WORDS = new Map(
  ZH_WORDS_TEXT.trim()
    .split(/\s+/)
    .map((pair) => pair.split('=') as [string, string]),
);
const LONGEST = Math.max(...[...ZH_WORDS.keys()].map((word) => word.length));

export type FieldHint =
  'uscc' | 'email' | 'phone' | 'date' | 'datetime' | 'percent' | 'money' | 'number' | 'textarea' | 'boolean';

/** Header words → field type, first match wins (so `税率` is a percent before `税` reads as money). */
const HINTS: ReadonlyArray<readonly [RegExp, FieldHint]> = [
  [/统一社会信用代码|信用代码|\buscc\b|social credit/i, 'uscc'],
  [/邮箱|电子邮件|e-?mail/i, 'email'],
  [/手机|\bmobile\b|cell ?phone/i, 'phone'],
  [/时间戳|日期时间|date ?time|timestamp/i, 'datetime'],
  [/日期|交期|\bdate\b|\bdob\b/i, 'date'],
  [/税率|折扣|折让|比例|百分比|tax ?rate|discount|percent|%/i, 'percent'],
  [
    /单价|价格|金额|总额|合计|小计|总计|税额|运费|费用|余额|额度|\bprice|amount|total|\bcost|\bfee\b|freight|shipping|\btax\b|balance|credit limit|refund/i,
    'money',
  ],
  [/数量|件数|箱数|起订量|\bqty\b|quantity|\bcount\b|\bpcs\b/i, 'number'],
  [/备注|说明|描述|remarks?|\bnotes?\b|comments?|description/i, 'textarea'],
  [/^是否|yes\/no/i, 'boolean'],
];

export function hintFromWords(text: string): FieldHint | null {
  for (const [pattern, hint] of HINTS) if (pattern.test(text)) return hint;
  return null;
}

/**
 * Splits a label into English key parts: ASCII words as written, Chinese words through
 * the vocabulary. Null when a Chinese character is not covered.
 */
export function keyParts(text: string): string[] | null {
  const parts: string[] = [];
  const source = text.replace(/#/g, ' no ').replace(/\./g, '');
  let i = 0;
  while (i < source.length) {
    const ascii = /^[A-Za-z0-9]+/.exec(source.slice(i));
    if (ascii) {
      parts.push(ascii[0]);
      i += ascii[0].length;
      continue;
    }
    if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(source[i])) {
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(LONGEST, source.length - i); len > 0; len--) {
      const english = ZH_WORDS.get(source.slice(i, i + len));
      if (english === undefined) continue;
      if (english) parts.push(english);
      i += len;
      matched = true;
      break;
    }
    if (!matched) return null;
  }
  return parts;
}
