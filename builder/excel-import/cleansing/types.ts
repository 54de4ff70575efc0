/**
 * Cleansing rules for data import (清洗规则): plain, JSON-serialisable descriptions of how one
 * source column becomes one field value. Headless — the server runs them on every imported
 * row and the designer's preview can run the same code in the browser.
 */

/** A cell as the readers deliver it; dates arrive as `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss` text. */
export type CellValue = string | number | boolean | null;

/** What a cleansed value may be: scalars, or a list for multi-selects. */
export type CleanValue = string | number | boolean | null | string[];

export interface MapEntry {
  from: string;
  to: string | number | boolean;
}

export type Rule =
  | { type: 'trim' }
  | { type: 'collapseSpaces' }
  | { type: 'halfWidth' }
  | { type: 'case'; to: 'upper' | 'lower' | 'title' }
  /** thousands separators, currency symbols, 万/亿, %, (1,234) for negatives */
  | { type: 'number'; decimalSeparator?: '.' | ',' }
  /**
   * Excel serials, ISO, `2024/3/5`, `2024年3月5日`, `05.03.2024`, `20240305`. A date-time without
   * an offset is read as wall-clock time in `timeZone` (IANA) and stored in UTC.
   */
  | { type: 'date'; timeZone?: string; order?: 'dmy' | 'mdy' }
  /** `1→男`, `M→男`; `onMissing: 'error'` refuses values the map does not list */
  | { type: 'valueMap'; entries: MapEntry[]; isCaseSensitive?: boolean; onMissing?: 'keep' | 'error' }
  /** Y/yes/是/TRUE/1/√ → true, N/no/否/FALSE/0/× → false */
  | { type: 'boolean' }
  /** alias dictionary for names: `北分` → `北京分公司`; unlisted values pass unchanged */
  | { type: 'alias'; entries: { from: string; to: string }[] }
  | { type: 'uscc' }
  | { type: 'phone' }
  | { type: 'email' }
  | { type: 'length'; max: number; onOverflow: 'truncate' | 'error' }
  | { type: 'required' };

export type RuleType = Rule['type'];

/** Every rule type, in the order the rules editor offers them. */
export const RULE_TYPES: readonly RuleType[] = [
  'trim',
  'collapseSpaces',
  'halfWidth',
  'case',
  'number',
  'date',
  'valueMap',
  'boolean',
  'alias',
  'uscc',
  'phone',
  'email',
  'length',
  'required',
];

/** Why a value was refused: the rule, a stable code and parameters for the message. */
export interface RuleFailure {
  rule: RuleType | 'type';
  code: string;
  params?: Record<string, string | number>;
}

export type RuleResult = { ok: true; value: CleanValue } | { ok: false; failure: RuleFailure };

export const ok = (value: CleanValue): RuleResult => ({ ok: true, value });
export const fail = (
  rule: RuleFailure['rule'],
  code: string,
  params?: RuleFailure['params'],
): RuleResult => ({
  ok: false,
  failure: { rule, code, params },
});

export const isBlank = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);
