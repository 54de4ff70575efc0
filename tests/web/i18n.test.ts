import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../web/i18n/en.json';
import zhCN from '../../web/i18n/zh-CN.json';
import { toUiLanguage } from '../../web/i18n/languages.ts';

type Catalogue = { [key: string]: string | Catalogue };

const webDir = fileURLToPath(new URL('../../web/', import.meta.url));

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const enKeys = flatten(en as Catalogue);
const zhKeys = flatten(zhCN as Catalogue);

describe('i18n catalogues', () => {
  it('have identical key sets', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty values', () => {
    for (const [lang, keys] of [
      ['en', enKeys],
      ['zh-CN', zhKeys],
    ] as const) {
      const empty = [...keys].filter(([, value]) => value.trim() === '').map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, text] of enKeys)
      expect(placeholders(zhKeys.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('contain every literal key the SPA passes to t()', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(webDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !enKeys.has(key))).toEqual([]);
  });
});

describe('toUiLanguage', () => {
  it('maps any Chinese tag to zh-CN and everything else to en', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'zh-Hans'].map(toUiLanguage)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect(['en', 'en-GB', 'de', undefined].map(toUiLanguage)).toEqual(['en', 'en', 'en', 'en']);
  });
});
