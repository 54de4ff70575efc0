import { parseDate } from './date.ts';
import { parseNumber } from './number.ts';
import { cellText, changeCase, collapseSpaces, onText, toHalfWidth, trimText } from './text.ts';
import { fail, isBlank, ok, type CellValue, type CleanValue, type Rule, type RuleResult } from './types.ts';
import {
  checkEmail,
  checkLength,
  checkPhone,
  checkUscc,
  compileValueMap,
  mapValue,
  parseBoolean,
} from './value-maps.ts';

/** What the cleansing needs to know about the field a column goes to (a CompiledField fits). */
export interface TargetField {
  type: string;
  label: string;
  options?: { value: string; label: string }[];
  maxLength?: number;
  required?: boolean;
}

export type Cleanser = (value: CellValue) => RuleResult;

/** Rules that already produce the field's type, so the implicit conversion is not run again. */
const CONVERTS: Record<string, Rule['type'][]> = {
  number: ['number'],
  money: ['number'],
  percent: ['number'],
  date: ['date'],
  datetime: ['date'],
  boolean: ['boolean', 'valueMap'],
  uscc: ['uscc'],
  phone: ['phone'],
  email: ['email'],
};

/**
 * Compiles the rules of one mapping into a function: the user's rules in order, then the
 * conversion the field type needs (number, date, option, yes/no…) unless a rule did it.
 * The first failing rule stops the chain.
 */
export function compileCleanser(
  rules: readonly Rule[],
  field: TargetField,
  options: { timeZone?: string } = {},
): Cleanser {
  const steps = rules.map((rule) => compileRule(rule, field, options));
  const hasConversion = rules.some((rule) => (CONVERTS[field.type] ?? []).includes(rule.type));
  if (!hasConversion) steps.push(...implicitSteps(field, options));
  const run: Cleanser = (input) => {
    let value: CleanValue = typeof input === 'string' ? trimText(input) : input;
    if (value === '') value = null;
    let last: RuleResult | null = null;
    for (const step of steps) {
      const result = step(value);
      if (!result.ok) return result;
      value = result.value;
      last = result;
    }
    if (isBlankValue(value)) return ok(null);
    return last ?? ok(value); // the last step's result says the same: no new object per cell
  };
  return memoize(run);
}

/** `isBlank`, answering from the first character for the common non-blank text. */
function isBlankValue(value: CleanValue): boolean {
  if (typeof value !== 'string') return isBlank(value);
  if (value.length === 0) return true;
  const code = value.charCodeAt(0);
  if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) return false; // cannot be a space
  return isBlank(value);
}

const MEMO_SIZE = 4096;
const MEMO_PROBE = 2048;

/**
 * Rules are pure, and columns repeat their values (dates, units, branches, yes/no): results
 * are remembered per input, up to MEMO_SIZE entries. A column of unique values (addresses,
 * notes) shows a low hit rate after MEMO_PROBE lookups and stops being remembered. List
 * results (multi-selects) are never shared.
 */
function memoize(run: Cleanser): Cleanser {
  let memo: Map<CellValue, RuleResult> | null = new Map();
  let lookups = 0;
  let hits = 0;
  return (input) => {
    if (memo === null || input === null || typeof input === 'boolean') return run(input);
    lookups++;
    const known = memo.get(input);
    if (known !== undefined) {
      hits++;
      return known;
    }
    const result = run(input);
    if (lookups === MEMO_PROBE && hits < MEMO_PROBE / 4) memo = null;
    else if (memo.size < MEMO_SIZE && !(result.ok && Array.isArray(result.value))) memo.set(input, result);
    return result;
  };
}

type Step = (value: CleanValue) => RuleResult;

function compileRule(rule: Rule, field: TargetField, options: { timeZone?: string }): Step {
  switch (rule.type) {
    case 'trim':
      return (v) => ok(onText(v, trimText));
    case 'collapseSpaces':
      return (v) => ok(onText(v, collapseSpaces));
    case 'halfWidth':
      return (v) => ok(onText(v, toHalfWidth));
    case 'case':
      return (v) => ok(onText(v, (t) => changeCase(t, rule.to)));
    case 'number':
      return (v) => parseNumber(v, rule);
    case 'date': {
      const output = field.type === 'datetime' ? 'datetime' : 'date';
      return (v) => parseDate(v, { timeZone: rule.timeZone ?? options.timeZone, order: rule.order, output });
    }
    case 'valueMap': {
      const map = compileValueMap(rule.entries, rule.isCaseSensitive);
      return (v) => mapValue(v, map, rule);
    }
    case 'alias': {
      const map = compileValueMap(rule.entries.map((e) => ({ from: e.from, to: e.to })));
      return (v) => mapValue(v, map, { onMissing: 'keep' });
    }
    case 'boolean':
      return parseBoolean;
    case 'uscc':
      return checkUscc;
    case 'phone':
      return checkPhone;
    case 'email':
      return checkEmail;
    case 'length':
      return (v) => checkLength(v, rule.max, rule.onOverflow);
    case 'required':
      return (v) => (isBlank(v) ? fail('required', 'required') : ok(v));
  }
}

function implicitSteps(field: TargetField, options: { timeZone?: string }): Step[] {
  switch (field.type) {
    case 'number':
    case 'money':
    case 'percent':
      return [(v) => parseNumber(v)];
    case 'date':
    case 'datetime':
      return [compileRule({ type: 'date' }, field, options)];
    case 'boolean':
      return [parseBoolean];
    case 'uscc':
      return [checkUscc];
    case 'phone':
      return [checkPhone];
    case 'email':
      return [checkEmail];
    case 'select':
      return [optionStep(field, false)];
    case 'multiselect':
      return [optionStep(field, true)];
    case 'text':
    case 'textarea':
    case 'serial':
      return [(v) => ok(v === null || Array.isArray(v) ? v : cellText(v))];
    default:
      return [];
  }
}

/** Accepts an option's value or its label (case- and width-insensitive); multi-selects split on , ， ; ； 、 and |. */
function optionStep(field: TargetField, isMultiple: boolean): Step {
  const byKey = new Map<string, string>();
  for (const option of field.options ?? []) {
    byKey.set(normalizeOption(option.label), option.value);
    byKey.set(normalizeOption(option.value), option.value);
  }
  const names = (field.options ?? []).map((o) => o.label).join(', ');
  const one = (text: string): string | null => byKey.get(normalizeOption(text)) ?? null;
  return (v) => {
    if (v === null) return ok(null);
    const parts =
      isMultiple && !Array.isArray(v)
        ? cellText(v).split(/[,，;；、|]/)
        : Array.isArray(v)
          ? v
          : [cellText(v)];
    const values: string[] = [];
    for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
      const hit = one(part);
      if (hit === null) return fail('type', 'notOption', { value: part, options: names });
      if (!values.includes(hit)) values.push(hit);
    }
    return ok(isMultiple ? values : (values[0] ?? null));
  };
}

const normalizeOption = (text: string) => collapseSpaces(toHalfWidth(text)).toLowerCase();
