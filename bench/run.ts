// `npm run bench -- <suite…>`: runs suites, prints a table, writes bench/results/<suite>.json.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './support/types.ts';

const SUITES: Record<string, () => Promise<{ run: () => Promise<BenchResult> }>> = {
  formula: () => import('./formula.ts'),
  api: () => import('./api.ts'),
  import: () => import('./import.ts'),
  'browser-form': () => import('./browser/form.ts'),
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length ? requested : Object.keys(SUITES);
const unknown = names.filter((n) => !SUITES[n]);
if (unknown.length) {
  console.error(
    `unknown bench suite(s): ${unknown.join(', ')}; available: ${Object.keys(SUITES).join(', ')}`,
  );
  process.exit(2);
}

const resultsDir = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
for (const name of names) {
  console.log(`\n▶ ${name}`);
  const result = await (await SUITES[name]()).run();
  console.table(
    result.figures.map((f) => ({
      figure: f.name,
      value: round(f.value),
      unit: f.unit,
      baseline: round(f.baseline),
      ratio: round(f.ratio),
    })),
  );
  if (result.notes?.length) for (const note of result.notes) console.log(`  note: ${note}`);
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}
