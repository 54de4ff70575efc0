/**
 * A small parser for Excel cell formulas as SheetJS hands them over (A1 style,
 * no leading `=`), including what LibreOffice leaves in them: ODF bracket
 * references (`[.A1]`, `[$Sheet.$A$1:.$A$3]`) and external links
 * (`[1]Sheet1!A1`, `'file:///x.ods'#$Sheet1.A1`). Only structure is kept —
 * binary runs stay in source order, since the target language shares Excel's
 * precedence — so the translator can re-emit it with references rewritten.
 */
import type { XNode } from './excel-ast.ts';
import { ExcelFormulaError } from './excel-ast.ts';
import type { Token } from './excel-tokens.ts';
import { tokenize } from './excel-tokens.ts';

export type { XNode } from './excel-ast.ts';
export { ExcelFormulaError } from './excel-ast.ts';

export function parseExcelFormula(text: string): XNode {
  const tokens = tokenize(text.replace(/^=/, ''));
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const isOp = (t: Token, ops: string[]) => (t.type === 'op' || t.type === 'punct') && ops.includes(t.text);
  const expect = (text: string) => {
    const t = next();
    if (!isOp(t, [text])) throw new ExcelFormulaError(`expected "${text}"`);
  };

  const expression = (): XNode => {
    const operands = [unary()];
    const ops: string[] = [];
    while (peek().type === 'op' && !isOp(peek(), ['%'])) {
      ops.push((next() as { text: string }).text);
      operands.push(unary());
    }
    return ops.length === 0 ? operands[0] : { kind: 'binary', operands, ops };
  };
  const unary = (): XNode => {
    if (isOp(peek(), ['+', '-']))
      return { kind: 'unary', op: (next() as { text: string }).text, operand: unary() };
    let node = primary();
    while (isOp(peek(), ['%'])) {
      next();
      node = { kind: 'percent', operand: node };
    }
    return node;
  };
  const primary = (): XNode => {
    const t = next();
    switch (t.type) {
      case 'number':
        return { kind: 'number', text: t.text };
      case 'string':
        return { kind: 'string', value: t.value };
      case 'error':
        return { kind: 'error', code: t.code };
      case 'ref':
        return t.node;
      case 'ident': {
        if (isOp(peek(), ['('])) return call(t.text);
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
        return { kind: 'name', name: t.text };
      }
      case 'punct':
        if (t.text === '(') {
          const inner = expression();
          expect(')');
          return { kind: 'paren', inner };
        }
        if (t.text === '{') return array();
        break;
    }
    throw new ExcelFormulaError('unexpected token');
  };
  const call = (name: string): XNode => {
    next();
    const args: XNode[] = [];
    if (isOp(peek(), [')'])) {
      next();
      return { kind: 'call', name: name.toUpperCase(), args };
    }
    for (;;) {
      args.push(isOp(peek(), [',', ')']) ? { kind: 'empty' } : expression());
      if (!isOp(peek(), [','])) break;
      next();
    }
    expect(')');
    return { kind: 'call', name: name.toUpperCase(), args };
  };
  const array = (): XNode => {
    const rows: XNode[][] = [[expression()]];
    while (isOp(peek(), [',', ';'])) {
      if ((next() as { text: string }).text === ';') rows.push([]);
      rows[rows.length - 1].push(expression());
    }
    expect('}');
    return { kind: 'array', rows };
  };

  const node = expression();
  if (peek().type !== 'eof') throw new ExcelFormulaError('unexpected text after the formula');
  return node;
}
