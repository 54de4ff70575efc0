import { NotFound } from '../errors/index.ts';
import { canSeeRecord } from '../forms/grants.ts';
import type { FormDoc, RecordDoc, Store, User } from '../store/types.ts';

/**
 * Loads a record `user` may see, with its form; anything else — missing or someone else's —
 * is the same 404, so ids cannot be probed.
 */
export async function loadVisibleRecord(
  store: Store,
  id: string,
  user: User,
): Promise<{ record: RecordDoc; form: FormDoc }> {
  const record = await store.records.get(id);
  if (!record) throw new NotFound('record', id);
  const form = await store.forms.getOrThrow(record.formId);
  if (!canSeeRecord(user, form, record)) throw new NotFound('record', id);
  return { record, form };
}
