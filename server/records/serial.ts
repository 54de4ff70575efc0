import type { Store } from '../store/types.ts';

const TOKEN = /\{(YYYYMMDD|YYYYMM|YYYY|MM|DD|0+)\}/g;

/** Formats `SO-{YYYYMMDD}-{0000}`; the counter restarts whenever the date part changes. */
export async function assignSerial(
  store: Store,
  input: { formId: string; key: string; pattern: string; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const parts = {
    YYYY: String(now.getUTCFullYear()),
    MM: String(now.getUTCMonth() + 1).padStart(2, '0'),
    DD: String(now.getUTCDate()).padStart(2, '0'),
  };
  const dateOf = (token: string) =>
    token.replace('YYYY', parts.YYYY).replace('MM', parts.MM).replace('DD', parts.DD);
  const scope = [...input.pattern.matchAll(TOKEN)]
    .map((m) => (m[1].startsWith('0') ? '' : dateOf(m[1])))
    .join('');
  const n = await store.nextSequence(`serial:${input.formId}:${input.key}:${scope}`);
  return input.pattern.replace(TOKEN, (_m, token: string) =>
    token.startsWith('0') ? String(n).padStart(token.length, '0') : dateOf(token),
  );
}
