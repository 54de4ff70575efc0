import type { BinaryOp, Node } from './ast.ts';
import { tokenize } from './lexer.ts';
import type { Token } from './lexer.ts';
import { FormulaSyntaxError } from './syntax-error.ts';
import type { ErrorCode } from './values.ts';

export const MAX_FORMULA_LENGTH = 8000;
/** Parentheses, calls, array constants, unary operators and `%` each open a level. */
export const MAX_NESTING = 64;

/** Excel precedence, loosest first; every level is left-associative (`2^3^2` = 64). */
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['=', '<>', '<', '<=', '>', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/'],
  ['^'],
];

/**
 * Parses formula text (a leading `=` is optional) into an AST whose positions
 * are 0-based offsets into `text`. Throws FormulaSyntaxError.
 */
export function parseFormula(text: string): Node {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaSyntaxError(`formula longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH);
  }
  const tokens = tokenize(text);
  const parser = new Parser(tokens);
  if (tokens[0].type === 'op' && tokens[0].text === '=') parser.next();
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.index];
  }

  next(): Token {
    return this.tokens[this.index++];
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'eof') throw unexpected(token);
  }

  expression(): Node {
    return this.level(0);
  }

  private level(index: number): Node {
    if (index === LEVELS.length) return this.postfix();
    const first = this.level(index + 1);
    const ops = LEVELS[index];
    let token = this.peek();
    if (!isOp(token, ops)) return first;
    const node: Node = {
      kind: 'binary',
      operands: [first],
      ops: [],
      opStarts: [],
      start: first.start,
      end: 0,
    };
    while (isOp(token, ops)) {
      this.next();
      node.ops.push(token.text as BinaryOp);
      node.opStarts.push(token.start);
      node.operands.push(this.level(index + 1));
      token = this.peek();
    }
    node.end = node.operands[node.operands.length - 1].end;
    return node;
  }

  private postfix(): Node {
    let node = this.unary();
    let opened = 0;
    while (this.peek().type === 'op' && this.peek().text === '%') {
      const token = this.next();
      this.enter(token);
      opened++;
      node = { kind: 'percent', operand: node, start: node.start, end: token.end };
    }
    this.depth -= opened;
    return node;
  }

  private unary(): Node {
    const token = this.peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      this.enter(token);
      const operand = this.unary();
      this.depth--;
      return { kind: 'unary', op: token.text, operand, start: token.start, end: operand.end };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value ?? 0, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'error':
        return { kind: 'error', code: token.text as ErrorCode, start: token.start, end: token.end };
      case '(':
        return this.group(token);
      case '{':
        return this.array(token);
      case 'ident':
        return this.identifier(token);
      case 'eof':
        throw new FormulaSyntaxError('expected an expression', token.start);
      default:
        throw unexpected(token);
    }
  }

  private group(open: Token): Node {
    this.enter(open);
    const inner = this.expression();
    this.expect(')');
    this.depth--;
    return inner;
  }

  private array(open: Token): Node {
    this.enter(open);
    const items: Node[] = [this.expression()];
    while (this.peek().type === ',') {
      this.next();
      items.push(this.expression());
    }
    const close = this.expect('}');
    this.depth--;
    return { kind: 'array', items, start: open.start, end: close.end };
  }

  private identifier(token: Token): Node {
    const { text, start, end } = token;
    if (this.peek().type === '(') return this.call(token);
    const upper = text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE')
      return { kind: 'boolean', value: upper === 'TRUE', start, end };
    const parts = text.split('.');
    if (parts.length === 1) return { kind: 'name', name: text, start, end };
    if (parts.length !== 2 || !parts[0] || !parts[1] || !/^[\p{L}_]/u.test(parts[1])) {
      throw new FormulaSyntaxError(`invalid reference ${JSON.stringify(text)}`, start);
    }
    const [table, column] = parts;
    return { kind: 'column', table, column, columnStart: start + table.length + 1, start, end };
  }

  private call(name: Token): Node {
    const open = this.next();
    this.enter(open);
    const args: Node[] = [];
    if (this.peek().type === ')') {
      const close = this.next();
      this.depth--;
      return { kind: 'call', name: name.text.toUpperCase(), args, start: name.start, end: close.end };
    }
    for (;;) {
      const token = this.peek();
      args.push(
        token.type === ',' || token.type === ')'
          ? { kind: 'empty', start: token.start, end: token.start }
          : this.expression(),
      );
      if (this.peek().type !== ',') break;
      this.next();
    }
    const close = this.expect(')');
    this.depth--;
    return { kind: 'call', name: name.text.toUpperCase(), args, start: name.start, end: close.end };
  }

  private expect(type: ')' | '}'): Token {
    const token = this.peek();
    if (token.type !== type) throw new FormulaSyntaxError(`expected "${type}"`, token.start);
    return this.next();
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_NESTING) {
      throw new FormulaSyntaxError(`formula nested deeper than ${MAX_NESTING} levels`, token.start);
    }
  }
}

function isOp(token: Token, ops: readonly string[]): boolean {
  return token.type === 'op' && ops.includes(token.text);
}

function unexpected(token: Token): FormulaSyntaxError {
  if (token.type === 'eof') return new FormulaSyntaxError('unexpected end of formula', token.start);
  if (token.type === 'string') return new FormulaSyntaxError('unexpected text', token.start);
  return new FormulaSyntaxError(`unexpected ${JSON.stringify(token.text)}`, token.start);
}
