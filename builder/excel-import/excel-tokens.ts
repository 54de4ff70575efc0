/**
 * Tokens of an Excel formula: A1 references (sheet-qualified, quoted, external
 * `[1]Sheet1!A1`), LibreOffice's ODF bracket references, names, numbers, strings,
 * error values, operators and punctuation.
 */
import { decodeRange } from './cell-address.ts';
import type { XNode } from './excel-ast.ts';
import { ExcelFormulaError } from './excel-ast.ts';

export type Token =
  | { type: 'number'; text: string }
  | { type: 'string'; value: string }
  | { type: 'error'; code: string }
  | { type: 'ref'; node: Extract<XNode, { kind: 'ref' }> }
  | { type: 'ident'; text: string }
  | { type: 'op' | 'punct'; text: string }
  | { type: 'eof' };

const ERRORS = [
  '#DIV/0!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#REF!',
  '#NULL!',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SHEET_NAME = String.raw`(?:'(?:[^']|'')+'|\[\d+\][^\s'!()+\-*/^&=<>,;:{}%"\[\]]+|[^\s'!()+\-*/^&=<>,;:{}%"\[\]]+)`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const AREA = String.raw`(?:${CELL}(?::\.?${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})`;
const A1_REF = new RegExp(String.raw`(?:(${SHEET_NAME})!)?(${AREA})(?![\p{L}\p{N}_.(!])`, 'uy');
const IDENT = /[\p{L}_\\][\p{L}\p{N}_.\\]*/uy;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) throw new ExcelFormulaError('unterminated string');
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      tokens.push({ type: 'string', value });
      i = j;
      continue;
    }
    if (ch === '#') {
      const code = ERRORS.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (!code) throw new ExcelFormulaError('unknown error value');
      tokens.push({ type: 'error', code });
      i += code.length;
      continue;
    }
    if (ch === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new ExcelFormulaError('unclosed [');
      const inner = text.slice(i + 1, close);
      if (!/^\d+$/.test(inner)) {
        tokens.push({ type: 'ref', node: odfReference(inner) });
        i = close + 1;
        continue;
      }
    }
    A1_REF.lastIndex = i;
    const ref = A1_REF.exec(text);
    if (ref && (ref[1] !== undefined || !/^[A-Za-z_\\]/.test(ch) || isBareArea(ref[2]))) {
      tokens.push({ type: 'ref', node: a1Reference(ref[1], ref[2], ref[0]) });
      i += ref[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = /[\d.]/.test(ch) ? NUMBER.exec(text) : null;
    if (number) {
      tokens.push({ type: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(text);
    if (ident) {
      tokens.push({ type: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ type: 'op', text: two });
      i += 2;
    } else if ('+-*/^&=<>%'.includes(ch)) {
      tokens.push({ type: 'op', text: ch });
      i++;
    } else if ('(),;{}'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch });
      i++;
    } else {
      throw new ExcelFormulaError(`unexpected character ${JSON.stringify(ch)}`);
    }
  }
  tokens.push({ type: 'eof' });
  return tokens;
}

/** A bare `A1`, `$A$1:B2`, `A:A`, `1:3` (not a name such as `TaxRate` or `LOG10(`). */
function isBareArea(area: string): boolean {
  return decodeRange(area.replace(':.', ':')) !== null;
}

function a1Reference(
  prefix: string | undefined,
  area: string,
  text: string,
): Extract<XNode, { kind: 'ref' }> {
  const range = decodeRange(area.replace(':.', ':'));
  if (!range) throw new ExcelFormulaError(`invalid reference ${text}`);
  if (!prefix) return { kind: 'ref', range, text };
  let sheet = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  const external = /^(.*)\[([^\]]+)\](.*)$/.exec(sheet);
  if (external) {
    sheet = external[3];
    return { kind: 'ref', sheet, external: `${external[1]}${external[2]}`, range, text };
  }
  return { kind: 'ref', sheet, range, text };
}

/** `.A1`, `.A1:.B2`, `$Sheet.$A$1:.$A$3`, `'file:///x.ods'#$Sheet1.A1` */
function odfReference(inner: string): Extract<XNode, { kind: 'ref' }> {
  const text = `[${inner}]`;
  let body = inner;
  let external: string | undefined;
  const link = /^'([^']*)'#(.*)$/.exec(body);
  if (link) {
    external = link[1];
    body = link[2];
  }
  const parts = body.split(':');
  let sheet: string | undefined;
  const cells = parts.map((part) => {
    const match = /^\$?('(?:[^']|'')+'|[^.]*)\.(\$?[A-Za-z]{1,3}\$?\d{1,7})$/.exec(part);
    if (!match) throw new ExcelFormulaError(`invalid reference ${text}`);
    if (match[1]) sheet ??= match[1].startsWith("'") ? match[1].slice(1, -1).replace(/''/g, "'") : match[1];
    return match[2];
  });
  const range = decodeRange(cells.join(':'));
  if (!range || cells.length > 2) throw new ExcelFormulaError(`invalid reference ${text}`);
  return { kind: 'ref', sheet, external, range, text };
}
