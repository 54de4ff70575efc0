import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../../runtime/core/formula/functions/index.ts';
import type { FunctionGroup, ValueType } from '../../../../runtime/core/formula/functions/types.ts';

const GROUPS: FunctionGroup[] = ['math', 'logic', 'text', 'date', 'lookup', 'platform', 'info'];
const TYPES: ValueType[] = ['number', 'text', 'boolean', 'date', 'array', 'any'];
const SOURCE_DIR = join(import.meta.dirname, '../../../../runtime/core/formula/functions');

describe('FUNCTIONS registry', () => {
  it('holds at least 80 functions, including those the brief names', () => {
    expect(FUNCTIONS.size).toBeGreaterThanOrEqual(80);
    const required =
      'SUM SUMIF SUMIFS SUMPRODUCT AVERAGE AVERAGEIF AVERAGEIFS MIN MAX MINIFS MAXIFS COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS ROUND ROUNDUP ROUNDDOWN MROUND INT TRUNC MOD ABS SIGN POWER SQRT EXP LN LOG LOG10 CEILING CEILING.MATH FLOOR FLOOR.MATH PRODUCT QUOTIENT LARGE SMALL RANK RANK.EQ MEDIAN PI RAND RANDBETWEEN EVEN ODD GCD LCM FACT STDEV STDEV.S VAR ' +
      'IF IFS AND OR NOT XOR IFERROR IFNA SWITCH TRUE FALSE ISBLANK ISNUMBER ISTEXT ISERROR ISNA ISLOGICAL ISEVEN ISODD N ' +
      'CONCATENATE CONCAT TEXTJOIN LEFT RIGHT MID LEN FIND SEARCH SUBSTITUTE REPLACE UPPER LOWER PROPER TRIM CLEAN TEXT VALUE REPT EXACT CHAR CODE FIXED NUMBERVALUE T ' +
      'TODAY NOW DATE TIME YEAR MONTH DAY HOUR MINUTE SECOND DATEDIF EDATE EOMONTH WEEKDAY WEEKNUM WORKDAY NETWORKDAYS DAYS DATEVALUE YEARFRAC ' +
      'VLOOKUP HLOOKUP XLOOKUP INDEX MATCH CHOOSE LOOKUP USER DEPT RECORD_ID ROW';
    const missing = required.split(' ').filter((name) => !FUNCTIONS.has(name));
    expect(missing).toEqual([]);
  });

  it('has consistent metadata for every spec', () => {
    for (const [key, spec] of FUNCTIONS) {
      const where = `${key}: `;
      expect(spec.name, where).toBe(key);
      expect(key, where).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(GROUPS, where).toContain(spec.group);
      expect(TYPES, where).toContain(spec.returns);
      expect(Number.isInteger(spec.minArgs) && spec.minArgs >= 0, where).toBe(true);
      expect(spec.maxArgs >= spec.minArgs, where).toBe(true);
      expect(spec.maxArgs === Infinity || Number.isInteger(spec.maxArgs), where).toBe(true);
      expect(spec.description.length, where).toBeGreaterThan(5);
      expect(typeof spec.impl, where).toBe('function');
      const argTypes = spec.argTypes ?? [];
      for (const t of argTypes) expect(TYPES, where).toContain(t);
      if (spec.maxArgs === Infinity) expect(argTypes.length, where).toBeGreaterThanOrEqual(1);
      else expect(argTypes.length, where).toBe(spec.maxArgs);
    }
  });

  it('marks the lazy and volatile functions', () => {
    const flagged = (flag: 'isLazy' | 'isVolatile') =>
      [...FUNCTIONS.values()]
        .filter((s) => s[flag])
        .map((s) => s.name)
        .sort();
    expect(flagged('isLazy')).toEqual(['CHOOSE', 'IF', 'IFERROR', 'IFNA', 'IFS', 'SWITCH']);
    expect(flagged('isVolatile')).toEqual(['NOW', 'RAND', 'RANDBETWEEN', 'TODAY']);
  });

  it('never throws for any argument shape: errors come back as values', () => {
    const samples = [
      null,
      0,
      -1,
      1.5,
      'x',
      '',
      true,
      [1, 'a'],
      [
        [1, 2],
        [3, 4],
      ],
    ];
    const ctx = { rowIndex: null, tick() {}, now: () => 0, timeZone: 'UTC' };
    for (const spec of FUNCTIONS.values()) {
      const arity = Math.min(Math.max(spec.minArgs, 1), spec.maxArgs === Infinity ? 3 : spec.maxArgs);
      for (const sample of samples) {
        const args = Array.from({ length: arity }, () => sample);
        const run = () =>
          spec.isLazy
            ? spec.impl(
                args.map((a) => () => a),
                ctx,
              )
            : spec.impl(args, ctx);
        expect(run, `${spec.name}(${JSON.stringify(sample)})`).not.toThrow();
      }
    }
  });
});

describe('function library sources', () => {
  it('use no Node-only APIs, React, eval or new Function (they run in the browser too)', () => {
    const files = readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(SOURCE_DIR, file), 'utf8');
      expect(text, file).not.toMatch(
        /from ['"]node:|\bprocess\.|\bBuffer\b|\brequire\(|\beval\(|new Function|from ['"]react/,
      );
      expect(text.split('\n').length, file).toBeLessThan(300);
    }
  });
});
