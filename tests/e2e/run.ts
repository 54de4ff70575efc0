/**
 * End-to-end run against the real server and the built SPA (`npm run build` first).
 * Prints `N passed, M failed`; exits non-zero on failure; always stops server and browser.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser, VIEWPORTS } from './browser.ts';
import { adminTourFlow } from './flows/adminTour.ts';
import { adminUsersFlow } from './flows/adminUsers.ts';
import { authFlow, signOutFlow } from './flows/auth.ts';
import { templateImportFlow } from './flows/templateImport.ts';
import { workspaceFlow } from './flows/workspace.ts';
import type { E2eContext } from './flows/context.ts';
import { log, StepRunner } from './runner.ts';
import { startServer } from './server.ts';
import type { RunningServer } from './server.ts';

// templateImport runs after workspace: Apps counts the forms workspace publishes
const FLOWS = [authFlow, adminUsersFlow, adminTourFlow, workspaceFlow, templateImportFlow, signOutFlow];

const run = new StepRunner();
let server: RunningServer | undefined;
let browser: Browser | undefined;

const cleanUp = async () => {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

try {
  await run.step('start the server', async () => {
    server = await startServer();
  });
  await run.step('launch chromium', async () => {
    browser = await launchBrowser();
  });
  if (server && browser) {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // 4xx answers the flows provoke on purpose log "Failed to load resource"; anything else (CSP, React) counts
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
    });
    const ctx: E2eContext = { server, browser, context, page, runId: randomBytes(4).toString('hex') };
    for (const flow of FLOWS) await flow(run, ctx);
    await run.step('no uncaught errors or console errors in the page', async () => {
      if (pageErrors.length > 0) throw new Error(pageErrors.join('\n'));
    });
  }
} finally {
  if (run.isFailed && server) log(`--- server output (tail) ---\n${server.output().slice(-4000)}`);
  await cleanUp();
}

log(run.summary());
process.exit(run.isFailed ? 1 : 0);
