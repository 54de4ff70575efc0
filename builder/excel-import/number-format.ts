/** What an Excel number format code says about a cell: kind, decimals, currency. */

export interface FormatInfo {
  kind: 'general' | 'number' | 'percent' | 'money' | 'date' | 'datetime' | 'time' | 'text';
  /** decimals shown (for percent: decimals of the percentage) */
  precision?: number;
  /** ISO 4217 code */
  currency?: string;
  hasThousands?: boolean;
}

/** Currency symbols (and Excel locale ids, hex) → ISO code. */
const SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/HK\$/i, 'HKD'],
  [/US\$|USD/i, 'USD'],
  [/[¥￥]-411|JPY|円/i, 'JPY'],
  [/[¥￥]|元|RMB|CNY/i, 'CNY'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/\$/, 'USD'],
];

export function readNumberFormat(code: string | undefined): FormatInfo {
  if (!code || /^general$/i.test(code.trim())) return { kind: 'general' };
  const section = firstSection(code);
  if (section.trim() === '@') return { kind: 'text' };
  const currency = findCurrency(section);
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/[yd]/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare))) {
    return { kind: /[hs]/i.test(bare) ? 'datetime' : 'date' };
  }
  if (/[hs]/i.test(bare) && /:/.test(bare)) return { kind: 'time' };
  if (!/[0#?]/.test(bare)) return currency ? { kind: 'money', currency } : { kind: 'general' };
  const decimals = /\.([0#?]+)/.exec(bare)?.[1].length ?? 0;
  const hasThousands = /[0#?],[0#?]/.test(bare);
  if (bare.includes('%')) return { kind: 'percent', precision: decimals };
  if (currency) return { kind: 'money', precision: decimals, currency, hasThousands };
  return { kind: 'number', precision: decimals, hasThousands };
}

function firstSection(code: string): string {
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '\\') i++;
    else if (ch === ';' && !inQuote) return code.slice(0, i);
  }
  return code;
}

function findCurrency(section: string): string | undefined {
  const candidates = [
    ...[...section.matchAll(/\[\$([^\]]*)\]/g)].map((m) => m[1]),
    ...[...section.matchAll(/"([^"]*)"/g)].map((m) => m[1]),
    section.replace(/"[^"]*"|\[[^\]]*\]/g, ''),
  ];
  for (const text of candidates) {
    if (!text) continue;
    for (const [pattern, iso] of SYMBOLS) if (pattern.test(text)) return iso;
  }
  return undefined;
}
