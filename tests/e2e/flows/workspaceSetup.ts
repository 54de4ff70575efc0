import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../server.ts';
import { url } from './context.ts';
import type { E2eContext } from './context.ts';

/** Labels, descriptions and option texts that would run script if rendered as HTML or markdown. */
export const XSS_TEXT = {
  img: '<img src=x onerror=alert(1)>',
  link: '[x](javascript:alert(1))',
  iframe: '<iframe srcdoc="<script>alert(1)</script>">',
};

export const xssFormDefinition = {
  schemaVersion: 1,
  settings: { title: `XSS ${XSS_TEXT.img}`, indexedFields: [] },
  fields: [
    { key: 'intro', type: 'description', label: 'intro', content: `${XSS_TEXT.link} ${XSS_TEXT.iframe}` },
    {
      key: 'block',
      type: 'section',
      label: 'block',
      title: XSS_TEXT.img,
      fields: [
        { key: 'name', type: 'text', label: XSS_TEXT.img, description: XSS_TEXT.link },
        {
          key: 'kind',
          type: 'select',
          label: XSS_TEXT.iframe,
          display: 'radio',
          options: [
            { value: 'a', label: XSS_TEXT.iframe },
            { value: 'b', label: XSS_TEXT.link },
          ],
        },
      ],
    },
    {
      key: 'lines',
      type: 'table',
      label: XSS_TEXT.img,
      columns: [{ key: 'c', type: 'text', label: XSS_TEXT.iframe }],
    },
    { key: 'photo', type: 'attachment', label: 'Photo', accept: ['image/*'], maxSizeMb: 1 },
  ],
};

/** Creates and publishes a form through the API with the browser's signed-in session. */
export async function publishForm(
  ctx: E2eContext,
  input: { title: string; definition: unknown },
): Promise<string> {
  const { page } = ctx;
  const me = await page.request.get(url(ctx, '/api/v1/me'));
  if (!me.ok()) throw new Error(`GET /me answered ${me.status()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' };
  const created = await page.request.post(url(ctx, '/api/v1/forms'), {
    headers,
    data: { title: input.title, definition: input.definition },
  });
  if (created.status() !== 201)
    throw new Error(`POST /forms answered ${created.status()}: ${await created.text()}`);
  const form = (await created.json()) as { id: string; version: number };
  const published = await page.request.post(url(ctx, `/api/v1/forms/${form.id}/versions`), {
    headers,
    data: { version: form.version },
  });
  if (published.status() !== 201)
    throw new Error(`publishing answered ${published.status()}: ${await published.text()}`);
  return form.id;
}

export function salesOrderDefinition(): { settings: { title: string } } {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'templates/demo/sales-order.json'), 'utf8')) as {
    settings: { title: string };
  };
}

/** Chooses the UI language the way the language switch does, then reloads. */
export async function useLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('formwork.language', value), lang);
  await page.reload();
}
