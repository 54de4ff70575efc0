/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from a 31-symbol alphabet (digits and upper-case letters without
 * I, O, S, V, Z): registration authority, organisation kind, 6-digit administrative
 * division code, 9-character organisation code, check character. The check character
 * is C18 = 31 − (Σ Ci·Wi mod 31), with Wi = 3^(i−1) mod 31 and 31 mapped to 0.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The shape alone: alphabet, length, digits in the division code. */
export const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const USCC_REGEX = new RegExp(USCC_PATTERN);

/** The check character the first 17 characters call for, or null if they are malformed. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** True for a well-formed code whose check character is right. Upper case only, no spaces. */
export function isValidUscc(code: string): boolean {
  if (!USCC_REGEX.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}
