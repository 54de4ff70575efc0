import { BadRequest } from '../../errors/index.ts';
import type { Scalar } from '../types.ts';
import { isScalar } from './filter.ts';

const MAX_CURSOR_LENGTH = 4096;

/** Opaque cursor: base64url JSON of the sort it belongs to and the last row's sort values. */
export function encodeCursor(sortSignature: string, values: Scalar[]): string {
  return Buffer.from(JSON.stringify({ s: sortSignature, v: values })).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for the same sort; anything else is a BadRequest. */
export function decodeCursor(cursor: unknown, sortSignature: string, length: number): Scalar[] {
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new BadRequest('invalid cursor');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequest('invalid cursor');
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  if (s !== sortSignature) throw new BadRequest('cursor belongs to a different sort order');
  if (!Array.isArray(v) || v.length !== length || !v.every(isScalar)) throw new BadRequest('invalid cursor');
  return v;
}
