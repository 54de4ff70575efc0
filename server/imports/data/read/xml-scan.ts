/**
 * Character-level helpers for scanning XML text with indexOf and character codes: the sheet
 * tokenizer reads millions of cells, where regular expressions (and their capture strings)
 * cost more than the rest of the import's reading. Only what the workbook parts need: names,
 * unattributed start tags such as `<v>`, end tags, digits; namespace prefixes are allowed.
 */
export const GT = 62;
export const SLASH = 47;
export const COLON = 58;
export const EQUALS = 61;
export const QUOTE = 34;
export const APOSTROPHE = 39;

/** `\w` or `:`, the characters of the tag and attribute names read here. */
export function isNameCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 58) || code === 95
  );
}

export const isSpaceCode = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

export function nameEndAt(xml: string, from: number): number {
  let i = from;
  while (isNameCode(xml.charCodeAt(i))) i++;
  return i;
}

/** Whether the name `xml[from, to)` is `local` or `prefix:local`. */
export function isElement(xml: string, from: number, to: number, local: string): boolean {
  const length = to - from;
  if (length < local.length || !xml.startsWith(local, to - local.length)) return false;
  return (
    length === local.length || (length > local.length + 1 && xml.charCodeAt(to - local.length - 1) === COLON)
  );
}

/** Just after the first `<local>` (or `<p:local>`) in `xml[from, to)`, or -1. */
export function findOpen(xml: string, from: number, to: number, local: string): number {
  for (let lt = xml.indexOf('<', from); lt !== -1 && lt < to; lt = xml.indexOf('<', lt + 1)) {
    const nameEnd = nameEndAt(xml, lt + 1);
    if (xml.charCodeAt(nameEnd) === GT && isElement(xml, lt + 1, nameEnd, local)) return nameEnd + 1;
  }
  return -1;
}

/** Where the first `</local>` (or `</p:local>`) from `from` on starts, or -1 (also when it ends after `to`). */
export function findClose(xml: string, from: number, to: number, local: string): number {
  for (let lt = xml.indexOf('</', from); lt !== -1 && lt < to; lt = xml.indexOf('</', lt + 2)) {
    const nameEnd = nameEndAt(xml, lt + 2);
    if (xml.charCodeAt(nameEnd) === GT && nameEnd < to && isElement(xml, lt + 2, nameEnd, local)) return lt;
  }
  return -1;
}

/** The number `xml[from, to)` spells with digits only (at least one), else null. */
export function digitsValue(xml: string, from: number, to: number): number | null {
  if (from >= to || to - from > 15) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  return n;
}
