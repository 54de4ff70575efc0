import type { Page } from 'playwright-core';

export interface Target {
  /** the input typed into */
  input: string;
  /** the grand total: an element whose text changes, or an input whose value changes */
  total: string;
  isTotalInput: boolean;
}

/**
 * One keystroke → paint sample, as the peers were measured (shared/notes/browser-testing.md):
 * `performance.now()` is taken in the page just before the key is sent; the total is watched
 * (MutationObserver for text, a requestAnimationFrame poll of `.value` for an input); the sample
 * ends at the first animation frame after it changed.
 */
export async function keystrokeSample(
  page: Page,
  target: Target,
  key: string,
  timeoutMs: number,
): Promise<number> {
  await page.evaluate(
    ({ total, isTotalInput, timeoutMs: limit }) => {
      const element = document.querySelector(total) as HTMLElement & { value?: string };
      const read = () => (isTotalInput ? (element.value ?? '') : (element.textContent ?? ''));
      const before = read();
      const w = window as unknown as { __sample: Promise<number> };
      w.__sample = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`total did not change within ${limit} ms`)), limit);
        const finish = () => {
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve(performance.now() - started);
          });
        };
        if (isTotalInput) {
          const poll = () => (read() !== before ? finish() : requestAnimationFrame(poll));
          requestAnimationFrame(poll);
        } else {
          const observer = new MutationObserver(() => {
            if (read() === before) return;
            observer.disconnect();
            finish();
          });
          observer.observe(element, { subtree: true, childList: true, characterData: true });
        }
      });
      const started = performance.now();
      (window as unknown as { __started: number }).__started = started;
    },
    { total: target.total, isTotalInput: target.isTotalInput, timeoutMs },
  );
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __sample: Promise<number> }).__sample);
}

/** Waits until the total reads `expected` again (after Backspace), so samples do not overlap. */
export async function waitForTotal(
  page: Page,
  target: Target,
  expected: string,
  timeoutMs: number,
): Promise<void> {
  await page.waitForFunction(
    ({ total, isTotalInput, expected: text }) => {
      const element = document.querySelector(total) as HTMLElement & { value?: string };
      return (isTotalInput ? element.value : element.textContent) === text;
    },
    { total: target.total, isTotalInput: target.isTotalInput, expected },
    { timeout: timeoutMs, polling: 'raf' },
  );
}

export async function readTotal(page: Page, target: Target): Promise<string> {
  return page.evaluate(({ total, isTotalInput }) => {
    const element = document.querySelector(total) as HTMLElement & { value?: string };
    return (isTotalInput ? element.value : element.textContent) ?? '';
  }, target);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
