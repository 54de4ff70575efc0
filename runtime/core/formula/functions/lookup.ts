/**
 * Lookup functions. A *table* argument is an array of rows, each row an array
 * of cells in column order: in a form, `VLOOKUP(sku, products, 2, FALSE)`
 * receives the `products` table as `[[sku, name, price], …]` (columns in the
 * table's column order). A flat array is a single column (for HLOOKUP, a
 * single row); a scalar is a 1×1 table. Lookup values are lifted over arrays
 * (`VLOOKUP(items.sku, products, 3, FALSE)` gives one price per item row).
 * A table without rows finds nothing (#N/A, not #REF!), so
 * `IFNA(VLOOKUP(…), 0)` holds on a form table that is still empty.
 * Approximate matches scan data assumed sorted, returning what Excel's binary
 * search returns on sorted data; on unsorted data results may differ from Excel.
 */
import { FormulaError, isFormulaError } from '../values.ts';
import type { Scalar, Value } from '../values.ts';
import { fail, flatten, toBoolean, toNumber, type Ticker } from './coerce.ts';
import { lazy, scalar } from './define.ts';
import { exactIndex, nearestIndex, sortedIndex, tableRows, vectorOf, width } from './lookup-search.ts';
import type { FunctionSpec } from './types.ts';

const ANY = 'any' as const;
const A = 'array' as const;
const N = 'number' as const;

export const LOOKUP_FUNCTIONS: FunctionSpec[] = [
  scalar(
    {
      group: 'lookup',
      name: 'VLOOKUP',
      minArgs: 3,
      maxArgs: 4,
      argTypes: [ANY, A, N, 'boolean'],
      returns: ANY,
      arrayArgs: [1],
      description: 'Finds a value in the first column of a table and returns a cell of its row',
    },
    ([lookup, table, index, approx = true], ctx) => {
      const rows = tableRows(table, ctx);
      return tableLookup(
        'VLOOKUP',
        lookup as Scalar,
        rows.map((r) => r[0] ?? null),
        index,
        approx,
        ctx,
        (i, k) => (k > width(rows) ? null : (rows[i][k - 1] ?? null)),
        width(rows),
      );
    },
  ),
  scalar(
    {
      group: 'lookup',
      name: 'HLOOKUP',
      minArgs: 3,
      maxArgs: 4,
      argTypes: [ANY, A, N, 'boolean'],
      returns: ANY,
      arrayArgs: [1],
      description: 'Finds a value in the first row of a table and returns a cell of its column',
    },
    ([lookup, table, index, approx = true], ctx) => {
      const rows =
        Array.isArray(table) && !table.some(Array.isArray) ? [table as Scalar[]] : tableRows(table, ctx);
      return tableLookup(
        'HLOOKUP',
        lookup as Scalar,
        rows[0] ?? [],
        index,
        approx,
        ctx,
        (i, k) => rows[k - 1]?.[i] ?? null,
        rows.length,
      );
    },
  ),
  scalar(
    {
      group: 'lookup',
      name: 'XLOOKUP',
      minArgs: 3,
      maxArgs: 6,
      argTypes: [ANY, A, A, ANY, N, N],
      returns: ANY,
      arrayArgs: [1, 2, 3],
      description: 'Finds a value in one array and returns the item at the same position of another',
    },
    (args, ctx) => xlookup(args, ctx),
  ),
  scalar(
    {
      group: 'lookup',
      name: 'MATCH',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [ANY, A, N],
      returns: N,
      arrayArgs: [1],
      description: 'Position of a value in an array (type 0 exact, 1 largest ≤, −1 smallest ≥)',
    },
    ([lookup, array, type = 1], ctx) => {
      const list = vectorOf(array, ctx);
      const t = toNumber(type);
      if (isFormulaError(list)) return list;
      if (isFormulaError(t)) return t;
      const i =
        t === 0
          ? exactIndex(lookup as Scalar, list, true, false, ctx)
          : sortedIndex(lookup as Scalar, list, t > 0 ? 1 : -1, ctx);
      return i < 0 ? notFound('MATCH', lookup) : i + 1;
    },
  ),
  scalar(
    {
      group: 'lookup',
      name: 'INDEX',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [A, N, N],
      returns: ANY,
      arrayArgs: [0],
      description: 'The item at a row (and column) of an array or table',
    },
    (args) => index(args),
  ),
  scalar(
    {
      group: 'lookup',
      name: 'LOOKUP',
      minArgs: 2,
      maxArgs: 3,
      argTypes: [ANY, A, A],
      returns: ANY,
      arrayArgs: [1, 2],
      description:
        'Largest value ≤ the lookup value in a sorted vector, and the item at its position in another',
    },
    ([lookup, vector, result], ctx) => {
      let keys: Scalar[];
      let results: Scalar[];
      if (result === undefined && Array.isArray(vector) && vector.some(Array.isArray)) {
        const rows = tableRows(vector, ctx);
        const isTall = rows.length >= width(rows);
        keys = isTall ? rows.map((r) => r[0] ?? null) : rows[0];
        results = isTall ? rows.map((r) => r[r.length - 1] ?? null) : rows[rows.length - 1];
      } else {
        keys = Array.isArray(vector) ? flatten(vector, ctx) : [vector as Scalar];
        results =
          result === undefined ? keys : Array.isArray(result) ? flatten(result, ctx) : [result as Scalar];
      }
      const i = sortedIndex(lookup as Scalar, keys, 1, ctx);
      return i < 0
        ? notFound('LOOKUP', lookup)
        : (results[i] ?? fail('#N/A', 'LOOKUP', 'result vector is shorter'));
    },
  ),
  lazy(
    {
      group: 'lookup',
      name: 'CHOOSE',
      minArgs: 2,
      maxArgs: Infinity,
      argTypes: [N, ANY],
      returns: ANY,
      description: 'The n-th of the following values',
    },
    (args, ctx) => {
      ctx.tick();
      const n = toNumber(args[0]());
      if (isFormulaError(n)) return n;
      const k = Math.trunc(n);
      return k < 1 || k >= args.length
        ? fail('#VALUE!', 'CHOOSE', `index ${k} is not between 1 and ${args.length - 1}`)
        : args[k]();
    },
  ),
  scalar(
    {
      group: 'lookup',
      name: 'ROWS',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [A],
      returns: N,
      arrayArgs: [0],
      description: 'Number of rows of an array or table',
    },
    ([v]) => (Array.isArray(v) ? v.length : 1),
  ),
  scalar(
    {
      group: 'lookup',
      name: 'COLUMNS',
      minArgs: 1,
      maxArgs: 1,
      argTypes: [A],
      returns: N,
      arrayArgs: [0],
      description: 'Number of columns of an array or table',
    },
    ([v]) => (Array.isArray(v) && v.some(Array.isArray) ? width(tableRows(v)) : 1),
  ),
];

function tableLookup(
  fn: string,
  lookup: Scalar,
  keys: Scalar[],
  indexArg: Value,
  approxArg: Value,
  ctx: Ticker,
  cell: (i: number, k: number) => Scalar,
  size: number,
): Value {
  const k = toNumber(indexArg);
  const isApprox = toBoolean(approxArg);
  if (isFormulaError(k)) return k;
  if (isFormulaError(isApprox)) return isApprox;
  const at = Math.trunc(k);
  if (at < 1) return fail('#VALUE!', fn, 'index must be at least 1');
  // an empty table (a form table without rows) has no width to check: nothing is found
  if (at > size && keys.length > 0) return fail('#REF!', fn, `index ${at} is beyond the table's ${size}`);
  const i = isApprox ? sortedIndex(lookup, keys, 1, ctx) : exactIndex(lookup, keys, true, false, ctx);
  return i < 0 ? notFound(fn, lookup) : cell(i, at);
}

function xlookup([lookup, lookupArray, returnArray, ...rest]: Value[], ctx: Ticker): Value {
  const ifNotFound = rest.length > 0 ? rest[0] : undefined;
  const mode = toNumber(rest[1] ?? 0);
  const search = toNumber(rest[2] ?? 1);
  if (isFormulaError(mode)) return mode;
  if (isFormulaError(search)) return search;
  if (![0, -1, 1, 2].includes(mode)) return fail('#VALUE!', 'XLOOKUP', `unknown match mode ${mode}`);
  if (![1, -1, 2, -2].includes(search)) return fail('#VALUE!', 'XLOOKUP', `unknown search mode ${search}`);
  const keys = Array.isArray(lookupArray) ? flatten(lookupArray, ctx) : [lookupArray as Scalar];
  const results: Value[] = Array.isArray(returnArray) ? returnArray : [returnArray];
  if (results.length !== keys.length)
    return fail('#VALUE!', 'XLOOKUP', 'lookup and return arrays have different lengths');
  const isReverse = search < 0;
  const i =
    mode === 0 || mode === 2
      ? exactIndex(lookup as Scalar, keys, mode === 2, isReverse, ctx)
      : nearestIndex(lookup as Scalar, keys, mode, isReverse, ctx);
  if (i >= 0) return results[i];
  return ifNotFound !== undefined ? ifNotFound : notFound('XLOOKUP', lookup);
}

function index([array, rowArg, colArg]: Value[]): Value {
  const r = toNumber(rowArg);
  const c = toNumber(colArg ?? 0);
  if (isFormulaError(r)) return r;
  if (isFormulaError(c)) return c;
  const [row, col] = [Math.trunc(r), Math.trunc(c)];
  if (row < 0 || col < 0) return fail('#VALUE!', 'INDEX', 'negative index');
  const ref = () => fail('#REF!', 'INDEX', `row ${row}, column ${col} is outside the array`);
  if (!Array.isArray(array)) return row <= 1 && col <= 1 ? array : ref();
  if (!array.some(Array.isArray)) {
    if (colArg !== undefined && col > 1) return row <= 1 ? (array[col - 1] ?? ref()) : ref();
    if (row === 0) return array;
    return array[row - 1] ?? ref();
  }
  const rows = tableRows(array);
  if (rows.length === 1 && colArg === undefined) return row === 0 ? rows[0] : (rows[0][row - 1] ?? ref());
  if (row === 0)
    return col === 0 ? rows : col <= width(rows) ? rows.map((cells) => cells[col - 1] ?? null) : ref();
  const cells = rows[row - 1];
  if (!cells) return ref();
  if (col === 0) return cells;
  return col <= width(rows) ? (cells[col - 1] ?? null) : ref();
}

const notFound = (fn: string, lookup: Value): FormulaError =>
  new FormulaError('#N/A', `${fn}: ${typeof lookup === 'string' ? `"${lookup}"` : String(lookup)} not found`);
