import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../runtime/core/formula/lexer.ts';
import { MAX_FORMULA_LENGTH, MAX_NESTING, parseFormula } from '../../../runtime/core/formula/parser.ts';
import { FormulaSyntaxError } from '../../../runtime/core/formula/syntax-error.ts';
import { show } from './fixtures/helpers.ts';

const tree = (text: string): string => show(parseFormula(text));

function syntaxError(text: string): FormulaSyntaxError {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('tokenize', () => {
  it('reads numbers with decimals and exponents', () => {
    expect(tokenize('1.5e3 .5 10E-2 7').map((t) => t.value)).toEqual([1500, 0.5, 0.1, 7, undefined]);
  });

  it('decodes doubled quotes inside strings', () => {
    const [token] = tokenize('"say ""hi"""');
    expect(token).toMatchObject({ type: 'string', text: 'say "hi"', start: 0, end: 12 });
  });

  it('keeps two-character operators whole', () => {
    expect(
      tokenize('a<>b<=c>=d')
        .filter((t) => t.type === 'op')
        .map((t) => t.text),
    ).toEqual(['<>', '<=', '>=']);
  });

  it('records 0-based start and end offsets', () => {
    expect(tokenize('= qty *  price').map((t) => [t.text, t.start, t.end])).toEqual([
      ['=', 0, 1],
      ['qty', 2, 5],
      ['*', 6, 7],
      ['price', 9, 14],
      ['', 14, 14],
    ]);
  });

  it('reads error literals case-insensitively', () => {
    expect(
      tokenize('#n/a + #DIV/0!')
        .filter((t) => t.type === 'error')
        .map((t) => t.text),
    ).toEqual(['#N/A', '#DIV/0!']);
  });
});

describe('parseFormula precedence (Excel)', () => {
  it.each([
    ['-2^2', '((-2)^2)'],
    ['2^3^2', '((2^3)^2)'],
    ['2^-2', '(2^(-2))'],
    ['50%', '(50%)'],
    ['-50%', '((-50)%)'],
    ['2^50%', '(2^(50%))'],
    ['1+2*3', '(1+(2*3))'],
    ['1-2-3', '((1-2)-3)'],
    ['8/4/2', '((8/4)/2)'],
    ['1+2&"x"', '((1+2)&"x")'],
    ['"a"&1', '("a"&1)'],
    ['"a"&1=1&"a"', '(("a"&1)=(1&"a"))'],
    ['1<2=TRUE', '((1<2)=TRUE)'],
    ['(1+2)*3', '((1+2)*3)'],
    ['1 <> 2', '(1<>2)'],
    ['a <= b', '(a<=b)'],
    ['a >= b', '(a>=b)'],
    ['a > b', '(a>b)'],
    ['--1', '(-(-1))'],
    ['+1', '(+1)'],
  ])('%s parses as %s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it('accepts an optional leading "="', () => {
    expect(tree('=1+1')).toBe(tree('1+1'));
    expect(tree('  = 1')).toBe('1');
  });
});

describe('parseFormula terms', () => {
  it('parses literals', () => {
    expect(tree('TRUE')).toBe('TRUE');
    expect(tree('false')).toBe('FALSE');
    expect(tree('"x"')).toBe('"x"');
    expect(tree('#N/A')).toBe('#N/A');
    expect(tree('{1,2,"a"}')).toBe('{1,2,"a"}');
  });

  it('upper-cases function names and allows dotted names', () => {
    expect(tree('sum(1, 2)')).toBe('SUM(1,2)');
    expect(tree('stdev.s(x)')).toBe('STDEV.S(x)');
    expect(tree('NOW()')).toBe('NOW()');
  });

  it('keeps omitted arguments', () => {
    expect(tree('IF(a,,b)')).toBe('IF(a,_,b)');
    expect(tree('F(,)')).toBe('F(_,_)');
  });

  it('parses table columns and field names', () => {
    const node = parseFormula('SUM(items.amount)');
    expect(node).toMatchObject({
      kind: 'call',
      args: [{ kind: 'column', table: 'items', column: 'amount', start: 4, end: 16, columnStart: 10 }],
    });
    expect(tree('qty * price')).toBe('(qty*price)');
  });

  it('accepts non-ASCII field keys', () => {
    expect(tree('单价 * 数量')).toBe('(单价*数量)');
  });

  it('gives every node its source span', () => {
    const node = parseFormula('= 1 + ROUND(x, 2)');
    expect(node).toMatchObject({ kind: 'binary', start: 2, end: 17, opStarts: [4] });
    expect(node.kind === 'binary' && node.operands[1]).toMatchObject({ kind: 'call', start: 6, end: 17 });
  });

  it('keeps long operator runs flat instead of deeply nested', () => {
    const node = parseFormula(Array.from({ length: 3000 }, () => 'a').join('+'));
    expect(node).toMatchObject({ kind: 'binary' });
    expect(node.kind === 'binary' && node.operands.length).toBe(3000);
  });
});

describe('parseFormula errors', () => {
  it.each([
    ['SUM(1, 2', 'expected ")" at 8', 8],
    ['=ROUND(price * (1 + tax, 2)', 'expected ")" at 23', 23],
    ['1 +', 'expected an expression at 3', 3],
    ['', 'expected an expression at 0', 0],
    ['=', 'expected an expression at 1', 1],
    ['1 2', 'unexpected "2" at 2', 2],
    ['(1))', 'unexpected ")" at 3', 3],
    ['1, 2', 'unexpected "," at 1', 1],
    ['"abc', 'unterminated string at 0', 0],
    ['x + "a""b', 'unterminated string at 4', 4],
    ['1e', 'invalid number "1e" at 0', 0],
    ['2x', 'invalid number "2x" at 0', 0],
    ['a @ b', 'unexpected character "@" at 2', 2],
    ['a.b.c', 'invalid reference "a.b.c" at 0', 0],
    ['items.', 'invalid reference "items." at 0', 0],
    ['#FOO', 'unknown error value at 0', 0],
    ['{1,2', 'expected "}" at 4', 4],
    ['* 2', 'unexpected "*" at 0', 0],
  ])('%j fails with %j', (text, message, position) => {
    const error = syntaxError(text);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it(`rejects nesting deeper than ${MAX_NESTING} levels at the offending parenthesis`, () => {
    const text = `${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`;
    expect(syntaxError(text).message).toBe(
      `formula nested deeper than ${MAX_NESTING} levels at ${MAX_NESTING}`,
    );
    expect(() => parseFormula(`${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`)).not.toThrow();
  });

  it('counts nested function calls, unary minus and % as levels', () => {
    const calls = `${'ABS('.repeat(65)}1${')'.repeat(65)}`;
    expect(syntaxError(calls).message).toBe(`formula nested deeper than 64 levels at ${64 * 4 + 3}`);
    expect(syntaxError(`${'-'.repeat(65)}1`).position).toBe(64);
    expect(syntaxError(`1${'%'.repeat(65)}`).position).toBe(65);
  });

  it(`rejects formulas longer than ${MAX_FORMULA_LENGTH} characters`, () => {
    const error = syntaxError('1'.repeat(MAX_FORMULA_LENGTH + 1));
    expect(error.message).toBe(
      `formula longer than ${MAX_FORMULA_LENGTH} characters at ${MAX_FORMULA_LENGTH}`,
    );
  });

  it('is a typed error carrying the position', () => {
    const error = syntaxError('(');
    expect(error).toBeInstanceOf(FormulaSyntaxError);
    expect(error.name).toBe('FormulaSyntaxError');
    expect(error.position).toBe(1);
  });
});
