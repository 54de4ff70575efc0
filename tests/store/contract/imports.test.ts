import { describe, expect, it } from 'vitest';
import { VersionConflict } from '../../../server/errors/index.ts';
import type { ImportJob, NewDoc } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';

const newJob = (formId: string, state: ImportJob['state'] = 'uploaded'): NewDoc<ImportJob> => ({
  formId,
  createdBy: 'u1',
  state,
  fileName: '订单.xlsx',
  config: null,
  source: { kind: 'xlsx', sheets: [{ name: 'S', headers: ['__proto__', '$where'] }] },
  progress: { phase: null, processed: 0 },
  summary: null,
  heartbeatAt: null,
  error: null,
});

describeContract('store imports and import chunks', (t) => {
  describe('#imports', () => {
    it('stores a job, filters by form and state, and moves its state with conditional writes', async () => {
      // given
      const formId = t.uniq('form');
      const job = await t.store.imports.insert(newJob(formId));
      await t.store.imports.insert(newJob(formId, 'committed'));
      // when
      const moved = await t.store.imports.updateIfVersion(job.id, 1, {
        state: 'committing',
        heartbeatAt: '2024-01-01T00:00:00.000Z',
      });
      // then
      expect(moved).toMatchObject({
        version: 2,
        state: 'committing',
        source: { sheets: [{ headers: ['__proto__', '$where'] }] },
      });
      await expect(t.store.imports.updateIfVersion(job.id, 1, { state: 'failed' })).rejects.toBeInstanceOf(
        VersionConflict,
      );
      const committing = await t.store.imports.list({
        filter: {
          op: 'and',
          items: [
            { op: 'eq', field: 'formId', value: formId },
            { op: 'eq', field: 'state', value: 'committing' },
          ],
        },
      });
      expect(committing.items.map((j) => j.id)).toEqual([job.id]);
      expect(await t.store.imports.count({ op: 'eq', field: 'formId', value: formId })).toBe(2);
    });
  });

  describe('#importChunks', () => {
    it('lists the chunks of one import and kind in sequence order, from a given sequence number', async () => {
      const importId = t.uniq('imp');
      for (const seq of [2, 0, 1])
        await t.store.importChunks.insert({
          importId,
          kind: 'errors',
          seq,
          items: [{ row: seq, message: `m${seq}` }],
        });
      await t.store.importChunks.insert({
        importId,
        kind: 'outcomes',
        seq: 0,
        items: [{ row: 1, outcome: 'insert' }],
      });
      const page = await t.store.importChunks.list({
        filter: {
          op: 'and',
          items: [
            { op: 'eq', field: 'importId', value: importId },
            { op: 'eq', field: 'kind', value: 'errors' },
            { op: 'gte', field: 'seq', value: 1 },
          ],
        },
        sort: [{ field: 'seq', dir: 'asc' }],
      });
      expect(page.items.map((c) => [c.seq, c.items])).toEqual([
        [1, [{ row: 1, message: 'm1' }]],
        [2, [{ row: 2, message: 'm2' }]],
      ]);
    });
  });
});
