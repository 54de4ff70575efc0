/**
 * Rounding of field results. Numbers are IEEE doubles, but Excel shows and
 * rounds them as 15 significant decimal digits, so `0.1 + 0.2` is `0.3` and
 * 1.005 rounded to 2 decimals is `1.01` although it is stored as 1.00499999….
 */
import { roundDigits } from './functions/index.ts';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** Rounds to 15 significant digits, removing binary float noise. */
export function round15(x: number): number {
  if (!Number.isFinite(x) || (Number.isInteger(x) && Math.abs(x) < 1e15)) return x;
  // fast path: a double that is the nearest one to a decimal with ≤ 6 decimals and
  // < 1e9 has at most 15 significant digits, so rounding would return it unchanged
  if (Math.abs(x) < 1e9 && Math.round(x * 1e6) / 1e6 === x) return x;
  const r = Number(x.toPrecision(15));
  return r === 0 ? 0 : r;
}

/**
 * Rounds to `precision` decimals with Excel ROUND semantics (half away from
 * zero, on the 15-digit decimal value). Values far from a half take a fast
 * path: float noise of ~1e-16 cannot move them across the rounding boundary.
 */
export function roundToPrecision(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const p = Math.trunc(precision);
  if (p >= 0 && p < POW10.length) {
    const f = POW10[p];
    const y = Math.abs(x * f);
    if (y < 1e9) {
      const floor = Math.floor(y);
      if (Math.abs(y - floor - 0.5) > 1e-6) {
        const r = (y - floor < 0.5 ? floor : floor + 1) / f;
        return r === 0 ? 0 : x < 0 ? -r : r;
      }
    }
  }
  const r = roundDigits(x, p);
  return r === 0 ? 0 : r;
}
