import type { ErrorCode } from './values.ts';
import { FormulaSyntaxError } from './syntax-error.ts';

export type TokenType = 'number' | 'string' | 'ident' | 'error' | 'op' | '(' | ')' | ',' | '{' | '}' | 'eof';

export interface Token {
  type: TokenType;
  /** source text for idents and ops, decoded text for strings */
  text: string;
  /** numeric value of a number token */
  value?: number;
  start: number;
  end: number;
}

const ERROR_LITERALS: readonly ErrorCode[] = [
  '#DIV/0!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#REF!',
  '#NULL!',
  '#CALC!',
];
const TWO_CHAR_OPS = new Set(['<>', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '%', '=', '<', '>']);
const PUNCTUATION = new Set(['(', ')', ',', '{', '}']);
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_.]/u;

/** Splits formula text into tokens; throws FormulaSyntaxError on a bad character, number or string. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1] ?? ''))) {
      i = readNumber(text, i, tokens);
    } else if (ch === '"') {
      i = readString(text, i, tokens);
    } else if (ch === '#') {
      const code = ERROR_LITERALS.find((c) => text.slice(i, i + c.length).toUpperCase() === c);
      if (!code) throw new FormulaSyntaxError('unknown error value', i);
      i += code.length;
      tokens.push({ type: 'error', text: code, start, end: i });
    } else if (IDENT_START.test(ch)) {
      i++;
      while (i < text.length && IDENT_PART.test(text[i])) i++;
      tokens.push({ type: 'ident', text: text.slice(start, i), start, end: i });
    } else if (TWO_CHAR_OPS.has(text.slice(i, i + 2))) {
      i += 2;
      tokens.push({ type: 'op', text: text.slice(start, i), start, end: i });
    } else if (ONE_CHAR_OPS.has(ch)) {
      i++;
      tokens.push({ type: 'op', text: ch, start, end: i });
    } else if (PUNCTUATION.has(ch)) {
      i++;
      tokens.push({ type: ch as TokenType, text: ch, start, end: i });
    } else {
      const shown = String.fromCodePoint(text.codePointAt(i) ?? 0);
      throw new FormulaSyntaxError(`unexpected character ${JSON.stringify(shown)}`, i);
    }
  }
  tokens.push({ type: 'eof', text: '', start: text.length, end: text.length });
  return tokens;
}

function readNumber(text: string, start: number, tokens: Token[]): number {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  // the lexer only calls this on a digit or ".digit", so the regex always matches
  let end = start + (match ? match[0].length : 1);
  if (/[eE]/.test(text[end] ?? '') || IDENT_START.test(text[end] ?? '')) {
    while (end < text.length && IDENT_PART.test(text[end])) end++;
    throw new FormulaSyntaxError(`invalid number ${JSON.stringify(text.slice(start, end))}`, start);
  }
  const value = Number(text.slice(start, end));
  if (!Number.isFinite(value)) throw new FormulaSyntaxError('number out of range', start);
  tokens.push({ type: 'number', text: text.slice(start, end), value, start, end });
  return end;
}

function readString(text: string, start: number, tokens: Token[]): number {
  let i = start + 1;
  let value = '';
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) throw new FormulaSyntaxError('unterminated string', start);
    value += text.slice(i, close);
    if (text[close + 1] === '"') {
      value += '"';
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  tokens.push({ type: 'string', text: value, start, end: i });
  return i;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000';
}
