import { BUILT_IN_ALIASES } from './aliases.ts';
import { cellText, toHalfWidth } from './text.ts';
import type { CellValue } from './types.ts';

export type MatchMethod = 'exact' | 'normalized' | 'alias' | 'fuzzy';

/** A field a column can go to: `customer`, or `items.qty` for a line-item column. */
export interface MappableField {
  name: string;
  key: string;
  label: string;
  /** extra header words for this field, e.g. from a saved mapping */
  aliases?: string[];
}

export interface ColumnMatch {
  column: number;
  header: string;
  field: string | null;
  /** 0..1: exact 1, normalised 0.95, alias 0.85, fuzzy up to 0.8 */
  confidence: number;
  method: MatchMethod | null;
}

const CONFIDENCE: Record<Exclude<MatchMethod, 'fuzzy'>, number> = { exact: 1, normalized: 0.95, alias: 0.85 };
const FUZZY_WEIGHT = 0.8;
const MIN_FUZZY = 0.5;

/** Lower case, half-width, without spaces, punctuation, `*` markers and bracketed units: `金额(元)：` → `金额`. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s*:：.,，。、_\-/\\#№'"‘’“”]/g, '');
}

/**
 * Proposes a field for each column: exact key or label, then normalised, then the alias
 * groups, then the best fuzzy label match. Each field is given to at most one column,
 * the most confident first; columns that match nothing stay unmapped (field null).
 */
export function autoMap(headers: readonly string[], fields: readonly MappableField[]): ColumnMatch[] {
  const candidates: { column: number; field: string; confidence: number; method: MatchMethod }[] = [];
  headers.forEach((header, column) => {
    if (!header.trim()) return;
    for (const field of fields) {
      const match = matchHeader(header, field);
      if (match) candidates.push({ column, field: field.name, ...match });
    }
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const result: ColumnMatch[] = headers.map((header, column) => ({
    column,
    header,
    field: null,
    confidence: 0,
    method: null,
  }));
  const taken = new Set<string>();
  for (const candidate of candidates) {
    const slot = result[candidate.column];
    if (slot.field !== null || taken.has(candidate.field)) continue;
    Object.assign(slot, {
      field: candidate.field,
      confidence: candidate.confidence,
      method: candidate.method,
    });
    taken.add(candidate.field);
  }
  return result;
}

export function matchHeader(
  header: string,
  field: MappableField,
): { confidence: number; method: MatchMethod } | null {
  const raw = header.trim();
  if (raw === field.key || raw === field.label || field.aliases?.includes(raw))
    return { confidence: CONFIDENCE.exact, method: 'exact' };
  const h = normalizeHeader(raw);
  if (!h) return null;
  const names = [field.key, field.label, ...(field.aliases ?? [])].map(normalizeHeader).filter(Boolean);
  if (names.includes(h)) return { confidence: CONFIDENCE.normalized, method: 'normalized' };
  if (names.some((name) => sameAliasGroup(h, name))) return { confidence: CONFIDENCE.alias, method: 'alias' };
  const score = Math.max(...names.map((name) => similarity(h, name)), 0);
  if (score >= MIN_FUZZY) return { confidence: round(score * FUZZY_WEIGHT), method: 'fuzzy' };
  return null;
}

const groupOf = new Map<string, number>();
BUILT_IN_ALIASES.forEach((group, i) => group.forEach((word) => groupOf.set(normalizeHeader(word), i)));

function sameAliasGroup(a: string, b: string): boolean {
  const group = groupOf.get(a);
  return group !== undefined && group === groupOf.get(b);
}

/** Dice coefficient of character bigrams, or the length ratio when one contains the other. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const contained =
    a.includes(b) || b.includes(a) ? Math.min(a.length, b.length) / Math.max(a.length, b.length) : 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [gram, n] of ga) common += Math.min(n, gb.get(gram) ?? 0);
  const dice = (2 * common) / (a.length - 1 + (b.length - 1));
  return Math.max(dice, contained > 0 ? 0.5 + contained / 2 : 0);
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Picks the header row among the first rows of a sheet: the row with the most distinct
 * text cells (not numbers, not dates) that is followed by data, with a bonus for cells
 * that match a field. Title rows (one merged cell) and blank rows lose.
 */
export function detectHeaderRow(
  rows: readonly (readonly CellValue[])[],
  fields: readonly MappableField[] = [],
  scan = 20,
): number {
  let best = 0;
  let bestScore = -1;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const texts = rows[r]
      .map((cell) => (typeof cell === 'string' ? cell.trim() : ''))
      .filter((t) => t && !/^[\d\s.,:/年月日-]+$/.test(t));
    if (texts.length < 2 && rows.length > 1) continue;
    const distinct = new Set(texts.map(normalizeHeader)).size;
    const matches = texts.filter((t) => fields.some((f) => matchHeader(t, f))).length;
    const filled = rows[r].filter((cell) => cellText(cell) !== '').length;
    const hasDataBelow = rows
      .slice(r + 1, r + 4)
      .some((row) => row.filter((cell) => cellText(cell) !== '').length >= Math.min(2, filled));
    const score = distinct + 2 * matches + (hasDataBelow ? 1 : -5) - (filled - texts.length) * 0.5;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Header texts of a row; blank headers become `Column C` style names so every column can be named. */
export function headerNames(row: readonly CellValue[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cellText(row[i] ?? null) || `(${columnLetter(i)})`);
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
