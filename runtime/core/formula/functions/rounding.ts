/**
 * Rounding on a number's 15-significant-digit decimal form, as Excel does, so
 * ROUND(1.005,2) is 1.01 although 1.005 is stored as 1.00499999….
 */
export type RoundMode = 'nearest' | 'up' | 'down';

/** Round to `digits` decimals (negative: to tens, hundreds…): nearest halves away from zero, up away from zero, down toward zero. */
export function roundDigits(x: number, digits: number, mode: RoundMode = 'nearest'): number {
  const d = Math.trunc(digits);
  if (x === 0 || !Number.isFinite(x) || d > 300) return x;
  if (d < -308) return mode === 'up' ? Math.sign(x) * Infinity : 0;
  const abs = Number(Math.abs(x).toPrecision(15));
  const shifted = shiftDecimal(abs, d);
  if (!(shifted < 1e15)) return x < 0 ? -abs : abs; // no digits below the 15th to round away
  const rounded =
    mode === 'nearest' ? Math.floor(shifted + 0.5) : mode === 'up' ? Math.ceil(shifted) : Math.floor(shifted);
  const result = shiftDecimal(rounded, -d);
  return x < 0 && result !== 0 ? -result : result;
}

/** The value Excel would show with 15 significant digits (hides binary noise like 0.30000000000000004). */
export const to15 = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15)));

/** x·10^e computed on the decimal text, exact for the 15-digit forms it is given. */
export function shiftDecimal(x: number, e: number): number {
  const [mantissa, exp = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exp) + e}`);
}
