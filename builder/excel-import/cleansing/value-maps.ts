import { isMainlandMobile } from '../../../runtime/core/definition/phone.ts';
import { isValidUscc } from '../../../runtime/core/definition/uscc.ts';
import { cellText, collapseSpaces, toHalfWidth } from './text.ts';
import { fail, ok, type CleanValue, type MapEntry, type RuleResult } from './types.ts';

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', '是', '对', '真', '有', '√', '✓', '✔', 'on', 'x']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', '否', '错', '假', '无', '×', '✗', '✘', 'off']);

const keyOf = (text: string, isCaseSensitive: boolean) => {
  const key = collapseSpaces(toHalfWidth(text));
  return isCaseSensitive ? key : key.toLowerCase();
};

/** Compiles entries once into a Map (never a plain object: a source value may be `__proto__`). */
export function compileValueMap(
  entries: readonly MapEntry[],
  isCaseSensitive = false,
): Map<string, MapEntry['to']> {
  return new Map(entries.map((entry) => [keyOf(entry.from, isCaseSensitive), entry.to]));
}

export function mapValue(
  value: CleanValue,
  map: Map<string, MapEntry['to']>,
  options: { isCaseSensitive?: boolean; onMissing?: 'keep' | 'error' },
): RuleResult {
  if (value === null) return ok(null);
  const hit = map.get(keyOf(cellText(value), options.isCaseSensitive ?? false));
  if (hit !== undefined) return ok(hit);
  if (options.onMissing === 'error') return fail('valueMap', 'notInMap', { value: cellText(value) });
  return ok(value);
}

export function parseBoolean(value: CleanValue): RuleResult {
  if (value === null || typeof value === 'boolean') return ok(value);
  const text = cellText(value).toLowerCase();
  if (text === '') return ok(null);
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail('boolean', 'notBoolean', { value: cellText(value) });
}

export function checkUscc(value: CleanValue): RuleResult {
  if (value === null) return ok(null);
  const code = toHalfWidth(cellText(value)).replace(/[\s-]/g, '').toUpperCase();
  if (code === '') return ok(null);
  return isValidUscc(code) ? ok(code) : fail('uscc', 'uscc', { value: code });
}

/** Mainland mobile numbers; `+86`, spaces and dashes are removed first. */
export function checkPhone(value: CleanValue): RuleResult {
  if (value === null) return ok(null);
  let phone = toHalfWidth(cellText(value)).replace(/[\s\-()（）]/g, '');
  if (phone === '') return ok(null);
  phone = phone.replace(/^(\+?86|0086)(?=1\d{10}$)/, '');
  return isMainlandMobile(phone) ? ok(phone) : fail('phone', 'phone', { value: cellText(value) });
}

const EMAIL =
  /^[^\s@"<>()[\]\\,;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(value: CleanValue): RuleResult {
  if (value === null) return ok(null);
  const email = toHalfWidth(cellText(value)).replace(/^mailto:/i, '');
  if (email === '') return ok(null);
  return email.length <= 254 && EMAIL.test(email) ? ok(email) : fail('email', 'email', { value: email });
}

export function checkLength(value: CleanValue, max: number, onOverflow: 'truncate' | 'error'): RuleResult {
  if (typeof value !== 'string') return ok(value);
  const chars = [...value];
  if (chars.length <= max) return ok(value);
  if (onOverflow === 'truncate') return ok(chars.slice(0, max).join(''));
  return fail('length', 'tooLong', { max, length: chars.length });
}
