/**
 * Field keys from labels. Keys must be identifiers, unique (case-insensitively)
 * across the whole imported form — one namespace for header fields, tables and
 * columns, so a column never shadows a header field inside a row formula — and
 * not reserved (formula function names, Object.prototype members).
 */
import { reservedKeyReason } from '../../runtime/core/index.ts';
import { keyParts } from './vocabulary.ts';

const MAX_KEY_LENGTH = 40;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Names that mean something to JavaScript objects or MongoDB queries; "$ Price" is an ordinary label.
const UNSAFE_NAME = /^\s*(__proto__|constructor|prototype|\$[A-Za-z_]\w*)\s*$/;

/** Whether a header or label text is a name an upload must not be allowed to use as a key. */
export function isUnsafeName(text: string): boolean {
  return UNSAFE_NAME.test(text);
}

/** camelCase key guessed from a label, or null when the label has no usable words. */
export function keyFromLabel(label: string): string | null {
  const parts = keyParts(label);
  if (!parts || parts.length === 0) return null;
  const words = parts.flatMap((part) => splitCamel(part)).filter(Boolean);
  const deduped = words.filter((word, i) => i === 0 || word.toLowerCase() !== words[i - 1].toLowerCase());
  const key = deduped
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()))
    .join('')
    .slice(0, MAX_KEY_LENGTH);
  return IDENTIFIER.test(key) ? key : null;
}

export class KeyRegistry {
  private readonly taken = new Set<string>();
  private fallbackCount = 0;

  /**
   * A free key based on `preferred`: reserved function names get a `Field` suffix
   * (`date` → `dateField`), Object.prototype members and non-identifiers fall back
   * to `field_<n>`, clashes get a number (`qty2`).
   */
  claim(preferred: string | null): string {
    let base = preferred && IDENTIFIER.test(preferred) ? preferred : null;
    if (base) {
      const reason = reservedKeyReason(base);
      if (reason === 'object-member') base = null;
      else if (reason === 'function-name') base = `${base}Field`;
    }
    if (!base) return this.fallback();
    let key = base;
    for (let n = 2; this.taken.has(key.toLowerCase()) || reservedKeyReason(key); n++) key = `${base}${n}`;
    this.taken.add(key.toLowerCase());
    return key;
  }

  /** Reserves a key chosen elsewhere (already valid). */
  reserve(key: string): void {
    this.taken.add(key.toLowerCase());
  }

  private fallback(): string {
    let key: string;
    do key = `field_${++this.fallbackCount}`;
    while (this.taken.has(key));
    this.taken.add(key);
    return key;
  }
}

function splitCamel(part: string): string[] {
  return part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
}
