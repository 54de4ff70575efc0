/**
 * Bench page: `?mode=formwork|rjsf&rows=N`. `window.__bench.route()` plays a route change —
 * load the view's chunk, render the form, wait until the grand total shows — and answers the
 * time from the call to the first animation frame after that (route change → interactive).
 */
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __bench: { route: () => Promise<number> };
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'rjsf' ? 'rjsf' : 'formwork';
const rows = Number(params.get('rows') ?? 500);
const root = createRoot(document.getElementById('root')!);

window.__bench = {
  async route() {
    const started = performance.now();
    performance.mark('bench:route-start');
    const view = mode === 'rjsf' ? await import('./rjsf-view.tsx') : await import('./formwork-view.tsx');
    performance.mark('bench:imported');
    await new Promise<void>((resolve) => root.render(<view.BenchView rows={rows} onReady={resolve} />));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  },
};
