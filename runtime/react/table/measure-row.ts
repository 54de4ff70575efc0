import type { Virtualizer } from '@tanstack/react-virtual';

/**
 * Row height for the virtualizer without forcing a layout. The default measures a freshly
 * mounted row with getBoundingClientRect inside React's commit, which lays out the whole page
 * once per render (~80 ms for a 500-row form). Here a mounted row keeps its known (or estimated)
 * height until the ResizeObserver — which fires right after the browser's own layout — reports
 * the real one.
 */
export function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = Number(element.getAttribute('data-index'));
  return instance.measurementsCache[index]?.size ?? instance.options.estimateSize(index);
}
