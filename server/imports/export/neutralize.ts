/**
 * Formula injection (CSV injection): a cell whose text starts with = + - @ or a tab / carriage
 * return can be run as a formula by a spreadsheet — when a CSV is opened, or when someone
 * edits an .xlsx cell. Such text gets a leading apostrophe, the OWASP recommendation; it
 * applies to text only, so the number -5 stays a number.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralize(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): neutralised, quoted when it holds a separator, quote or line break. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = neutralize(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: (string | number | boolean | null)[]): string =>
  `${values.map(csvField).join(',')}\r\n`;
