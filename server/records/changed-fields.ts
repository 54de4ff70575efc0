import { sameJson } from '../../runtime/core/index.ts';
import type { Json } from '../store/types.ts';

type DataObject = { [key: string]: Json };

/** Top-level keys whose values differ between two versions of a record's data (key order ignored). */
export function changedFields(before: DataObject, after: DataObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !sameJson(before[key], after[key])).sort();
}
