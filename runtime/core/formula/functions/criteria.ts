/**
 * Criteria of COUNTIF/SUMIF/…IFS, read the way Excel reads them:
 * `5` or `"5"` — equals 5 (numbers, and text that reads as 5);
 * `">=10"`, `"<2024-01-01"` — numeric comparison, numbers only;
 * `"apple"`, `"a*"`, `"?x~*"` — text equality ignoring case, with wildcards;
 * `"<>apple"` — anything else, blanks included; `""` — blank or empty text;
 * `"="` — blank only; `"<>"` — not blank; TRUE / `"TRUE"` — the boolean;
 * `"#N/A"` — that error. A blank criterion means 0.
 */
import { isFormulaError } from '../values.ts';
import type { Scalar } from '../values.ts';
import { parseNumberText, type Ticker } from './coerce.ts';
import { compareText, hasWildcards, satisfies, wildcardMatch } from './compare.ts';

export type Criterion = (v: Scalar) => boolean;

type Op = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Compile a criterion once, to test many values. */
export function parseCriterion(criterion: Scalar, ctx?: Ticker): Criterion {
  if (criterion === null) return numberCriterion('=', 0);
  if (typeof criterion === 'number') return numberCriterion('=', criterion);
  if (typeof criterion === 'boolean') return (v) => v === criterion;
  if (isFormulaError(criterion)) return (v) => isFormulaError(v) && v.code === criterion.code;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion);
  const op = (m?.[1] ?? '=') as Op;
  const operand = m?.[2] ?? '';
  if (operand === '') {
    if (!m?.[1]) return (v) => v === null || v === '';
    if (op === '=') return (v) => v === null;
    if (op === '<>') return (v) => v !== null;
  }
  const n = parseNumberText(operand);
  if (n !== null) return numberCriterion(op, n);
  const upper = operand.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE')
    return ordered(op, (v) => (typeof v === 'boolean' ? cmp(v, upper === 'TRUE') : null));
  if (/^#(DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|REF!|NULL!|CALC!)$/.test(upper)) {
    const isEqual: Criterion = (v) => isFormulaError(v) && v.code === upper;
    return op === '<>' ? (v) => !isEqual(v) : op === '=' ? isEqual : () => false;
  }
  if (op === '=' || op === '<>') {
    const isEqual: Criterion = hasWildcards(operand)
      ? (v) => typeof v === 'string' && wildcardMatch(operand, v, ctx)
      : (v) => typeof v === 'string' && compareText(v, operand) === 0;
    return op === '=' ? isEqual : (v) => !isEqual(v);
  }
  return ordered(op, (v) => (typeof v === 'string' ? compareText(v, operand) : null));
}

/** Whether `value` meets `criterion` (for a single test; compile with parseCriterion for many). */
export const matchesCriterion = (value: Scalar, criterion: Scalar): boolean =>
  parseCriterion(criterion)(value);

function numberCriterion(op: Op, n: number): Criterion {
  if (op === '=' || op === '<>') {
    const isEqual: Criterion = (v) =>
      typeof v === 'number' ? v === n : typeof v === 'string' && v.trim() !== '' && parseNumberText(v) === n;
    return op === '=' ? isEqual : (v) => !isEqual(v);
  }
  return ordered(op, (v) => (typeof v === 'number' ? cmp(v, n) : null));
}

/** A relational criterion from a comparator that returns null for values of another type (never match). */
function ordered(op: Op, compare: (v: Scalar) => number | null): Criterion {
  return (v) => {
    const c = compare(v);
    if (c === null) return op === '<>';
    return satisfies(op, c);
  };
}

const cmp = <T extends number | boolean>(a: T, b: T): number => (a === b ? 0 : a < b ? -1 : 1);
