import safeRegex from 'safe-regex2';

/** Longest regular expression a designer may enter. */
export const MAX_PATTERN_LENGTH = 500;

export interface PatternProblem {
  code: 'patternTooLong' | 'invalidPattern' | 'unsafePattern';
  message: string;
}

/**
 * Checks an untrusted regular expression before it reaches ajv (which compiles it with
 * the `u` flag and runs it on the server against user input).
 *
 * safe-regex2 (pure JavaScript, no Node APIs, so it runs in the browser too) rejects star
 * height above 1 (`(a+)+`) and more than 25 repetitions. It misses repeated overlapping
 * alternation (`(a|aa)+$` is exponential too), so any alternation group under an
 * unbounded quantifier is rejected as well; `[ab]+` is the safe way to write `(a|b)+`.
 */
export function checkPattern(pattern: string): PatternProblem | null {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { code: 'patternTooLong', message: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return {
      code: 'invalidPattern',
      message: `is not a valid regular expression (${(error as Error).message})`,
    };
  }
  if (!safeRegex(pattern) || hasRepeatedAlternation(pattern)) {
    return {
      code: 'unsafePattern',
      message: 'may take exponential time on some inputs (nested or alternating repetition); simplify it',
    };
  }
  return null;
}

/** `(x|y)` followed by `*`, `+` or `{n,}`. Expects a pattern that compiles. */
function hasRepeatedAlternation(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: has a top-level `|`
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '[') {
      // JavaScript classes end at the first unescaped `]`
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (ch === '(') {
      groups.push(false);
    } else if (ch === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true;
    } else if (ch === ')') {
      if (groups.pop() === true && isUnboundedQuantifier(pattern, i + 1)) return true;
    }
  }
  return false;
}

function isUnboundedQuantifier(pattern: string, at: number): boolean {
  const next = pattern[at];
  if (next === '*' || next === '+') return true;
  return next === '{' && /^\{\d+,\}/.test(pattern.slice(at, at + 12));
}
