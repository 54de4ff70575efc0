import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../../runtime/core/index.ts';
import en from '../../../web/i18n/en.json';
import zhCN from '../../../web/i18n/zh-CN.json';

type Catalogue = { [key: string]: string | Catalogue };

const lookup = (catalogue: Catalogue, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part], catalogue);

const dir = 'builder/template-review';

describe('template review UI text', () => {
  it('every literal key the review screen passes to t() is in both catalogues', () => {
    const used = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsx'))) {
      for (const m of readFileSync(`${dir}/${name}`, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const catalogue of [en, zhCN] as Catalogue[]) {
      expect([...used].filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([]);
    }
  });

  it('names every field type, element kind and step', () => {
    const keys = [
      ...FIELD_TYPES.map((type) => `templateImport.types.${type}`),
      ...['field', 'column', 'total', 'section', 'table', 'description', 'columns'].map(
        (kind) => `templateImport.kinds.${kind}`,
      ),
      ...['upload', 'sheets', 'review', 'save'].map((step) => `templateImport.steps.${step}`),
    ];
    for (const catalogue of [en, zhCN] as Catalogue[]) {
      expect(keys.filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([]);
    }
  });
});
