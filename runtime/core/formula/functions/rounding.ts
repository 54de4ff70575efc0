/**
 * Rounding on a number's 15-significant-digit decimal form, as Excel does, so
 * ROUND(1.005,2) is 1.01 although 1.005 is stored as 1.00499999….
 */
export type RoundMode = 'nearest' | 'up' | 'down';

/** Round to `digits` decimals (negative: to tens, hundreds…): nearest halves away from zero, up away from zero, down toward zero. */
export function roundDigits(x: number, digits: number, mode: RoundMode = 'nearest'): number {
  const d = Math.trunc(digits);
  if (x === 0 || !Number.isFinite(x) || d > 300) return x;
  const fast = roundFast(x, d, mode);
  if (fast !== null) return fast;
  if (d < -308) return mode === 'up' ? Math.sign(x) * Infinity : 0;
  // near Number.MAX_VALUE the 15-digit form rounds up past it to Infinity; such numbers have no
  // digits to round anyway
  const abs15 = Number(Math.abs(x).toPrecision(15));
  const abs = Number.isFinite(abs15) ? abs15 : Math.abs(x);
  const shifted = shiftDecimal(abs, d);
  if (!(shifted < 1e15)) return x < 0 ? -abs : abs; // no digits below the 15th to round away
  const rounded =
    mode === 'nearest' ? Math.floor(shifted + 0.5) : mode === 'up' ? Math.ceil(shifted) : Math.floor(shifted);
  const result = shiftDecimal(rounded, -d);
  return x < 0 && result !== 0 ? -result : result;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * roundDigits without text, or null when the answer could depend on float noise.
 * y = |x|·10^d below 1e9 differs from its 15-significant-digit form by at most
 * 5e-7 (half a unit of the 15th digit), plus ~1e-7 of multiplication error; so
 * when y lies more than 1e-6 from the rounding boundary (a half for 'nearest', an
 * integer for 'up'/'down'), both round the same way. The division or
 * multiplication by an exact power of ten is correctly rounded, giving the same
 * double as the text shift.
 */
function roundFast(x: number, d: number, mode: RoundMode): number | null {
  if (d >= POW10.length || d <= -POW10.length) return null;
  const f = POW10[d < 0 ? -d : d];
  const y = d >= 0 ? Math.abs(x) * f : Math.abs(x) / f;
  if (!(y < 1e9)) return null;
  const floor = Math.floor(y);
  const fraction = y - floor;
  let rounded: number;
  if (mode === 'nearest') {
    if (Math.abs(fraction - 0.5) <= 1e-6) return null;
    rounded = fraction < 0.5 ? floor : floor + 1;
  } else {
    if (fraction <= 1e-6 || fraction >= 1 - 1e-6) return null;
    rounded = mode === 'up' ? floor + 1 : floor;
  }
  const result = d >= 0 ? rounded / f : rounded * f;
  return x < 0 && result !== 0 ? -result : result;
}

/** The value Excel would show with 15 significant digits (hides binary noise like 0.30000000000000004). */
export const to15 = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15)));

/** x·10^e computed on the decimal text, exact for the 15-digit forms it is given. */
export function shiftDecimal(x: number, e: number): number {
  const [mantissa, exp = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exp) + e}`);
}
