/**
 * An OpenDocument validation condition (`table:condition`) → the .xlsx rule shape:
 * `of:cell-content-is-in-list("a";"b")` → `"a,b"`, `of:cell-content-is-in-list([$Lists.$A$2:.$A$6])`
 * → `Lists!$A$2:$A$6`, a named range → its name. The older forms without `of:` and with
 * unbracketed references (`cell-content-is-in-list($Lists.$A$2:$A$6)`) are read too.
 */
import { inlineList, sheetPrefix } from './validation-source.ts';

export type ConditionRule = { type: string; formula1?: string } | { type: 'list'; problem: string };

const MAX_CONDITION = 64 * 1024;
const LIST = /^\s*(?:[A-Za-z][\w.-]*:)?cell-content-is-in-list\s*\(([\s\S]*)\)\s*$/;
const TYPES: [RegExp, string][] = [
  [/cell-content-is-whole-number/, 'whole'],
  [/cell-content-is-decimal-number/, 'decimal'],
  [/cell-content-is-date/, 'date'],
  [/cell-content-is-time/, 'time'],
  [/cell-content-text-length/, 'textLength'],
];
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const PART = /^(?:\$?('(?:[^']|'')*'|[^.'#[\]]*)\.)?(\$?[A-Za-z]{1,3}\$?\d{1,7})$/;

const NOT_UNDERSTOOD = 'not a list the reader understands';

type Arg = { kind: 'value' | 'ref' | 'word'; text: string };

export function conditionRule(condition: string): ConditionRule {
  if (condition.length > MAX_CONDITION) return { type: 'list', problem: 'too long' };
  const list = LIST.exec(condition);
  if (!list) {
    if (condition.includes('cell-content-is-in-list'))
      return { type: 'list', problem: 'a condition the reader does not translate' };
    return { type: TYPES.find(([pattern]) => pattern.test(condition))?.[1] ?? 'custom' };
  }
  const args = listArgs(list[1]);
  if (!args) return { type: 'list', problem: NOT_UNDERSTOOD };
  if (args.length === 0) return { type: 'list', problem: 'empty' };
  if (args.every((arg) => arg.kind === 'value'))
    return { type: 'list', formula1: inlineList(args.map((arg) => arg.text)) };
  if (args.length > 1) return { type: 'list', problem: 'a mix of values and references' };
  const [arg] = args;
  const range = odfRange(arg.text);
  if (typeof range === 'string') return { type: 'list', formula1: range };
  if (arg.kind === 'word' && NAME.test(arg.text)) return { type: 'list', formula1: arg.text };
  const isFormula = arg.kind === 'word' && range.problem === NOT_UNDERSTOOD;
  return { type: 'list', problem: isFormula ? 'a formula the reader does not translate' : range.problem };
}

/** `"a";"b";3`, `[.A1:.A5]`, `$Sheet.$A$1:$A$5`, `Units` → arguments; null when malformed. */
function listArgs(text: string): Arg[] | null {
  const args: Arg[] = [];
  let i = skipSpace(text, 0);
  while (i < text.length) {
    let arg: Arg;
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return null;
        value += text.slice(j, close);
        j = close + 1;
        if (text[j] !== '"') break;
        value += '"';
        j++;
      }
      arg = { kind: 'value', text: value };
      i = j;
    } else {
      const end = argumentEnd(text, i);
      if (end < 0) return null;
      const raw = text.slice(i, end).trim();
      const isBracketed = raw.startsWith('[') && raw.endsWith(']');
      arg = isBracketed
        ? { kind: 'ref', text: raw.slice(1, -1) }
        : { kind: NUMBER.test(raw) ? 'value' : 'word', text: raw };
      i = end;
    }
    args.push(arg);
    i = skipSpace(text, i);
    if (i < text.length && text[i++] !== ';') return null;
    i = skipSpace(text, i);
  }
  return args;
}

/** Where an unquoted argument ends: the next `;` outside quotes, brackets and parentheses, or the end. */
function argumentEnd(text: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ';' && depth === 0) return i;
    if (depth < 0) return -1;
  }
  return quote || depth !== 0 ? -1 : text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** An ODF reference (`$Sheet.$A$1:.$A$5`, `.A1`) → `Sheet!$A$1:$A$5`, or why not. */
function odfRange(text: string): string | { problem: string } {
  if (text.includes('#')) return { problem: 'a range in another file' };
  const parts = splitOutsideQuotes(text, ':');
  if (parts.length > 2) return { problem: NOT_UNDERSTOOD };
  let sheet: string | undefined;
  const cells: string[] = [];
  for (const part of parts) {
    const match = PART.exec(part.trim());
    if (!match) return { problem: NOT_UNDERSTOOD };
    const name = match[1]?.startsWith("'") ? match[1].slice(1, -1).replace(/''/g, "'") : match[1];
    if (name && sheet !== undefined && sheet !== '' && name !== sheet)
      return { problem: 'a range across several sheets' };
    sheet ??= name ?? '';
    cells.push(match[2]);
  }
  return `${sheet ? sheetPrefix(sheet) : ''}${cells.join(':')}`;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") isQuoted = !isQuoted;
    else if (text[i] === separator && !isQuoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
