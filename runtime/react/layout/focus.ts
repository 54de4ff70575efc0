const FOCUSABLE =
  'input:not([type=hidden]):not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled])';

/** Moves focus to the next editable input of the form after `from` (scan fields, Enter). */
export function focusNextField(from: HTMLElement): void {
  const root = from.closest('[data-fw-form]') ?? document.body;
  const inputs = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[data-fw-table]'),
  );
  const index = inputs.findIndex((el) => el === from || el.contains(from) || from.contains(el));
  inputs[index + 1]?.focus();
}

/** Scrolls the element of a path (`customer`, `items/3/qty`) into view and focuses its input. */
export function focusPath(root: ParentNode, key: string): boolean {
  const target = root.querySelector<HTMLElement>(`[data-path="${cssEscape(key)}"]`);
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'auto' });
  target.querySelector<HTMLElement>('input, textarea, [tabindex]')?.focus({ preventScroll: true });
  return true;
}

const cssEscape = (value: string): string => value.replace(/["\\]/g, '\\$&');
