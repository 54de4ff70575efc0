import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../server.ts';

/** What every flow gets: the running app, the browser and one signed-out page. */
export interface E2eContext {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** unique per run, for names that must not collide (usernames …) */
  runId: string;
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const url = (ctx: E2eContext, path: string): string => new URL(path, ctx.server.baseUrl).toString();
