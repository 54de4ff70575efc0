import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadRequest } from '../../../server/errors/index.ts';
import { describeContract } from './adapters.ts';
import { newRecord, newUser, rejection } from './fixtures.ts';

describeContract('store backup and restore', (t) => {
  describe('#backup / #restore', () => {
    it('brings back the data of the backup after later changes, and the store stays usable', async () => {
      // given
      const formId = t.uniq('form');
      const kept = await t.store.users.insert(newUser(t.uniq('kept')));
      const removed = await t.store.users.insert(newUser(t.uniq('removed')));
      const record = await t.store.records.insert(
        newRecord(formId, { 'odd.key': { $x: 1 } }, { participants: ['p1'] }),
      );
      await t.store.ensureRecordIndexes(formId, ['amount']);
      const sequence = t.uniq('seq');
      await t.store.nextSequence(sequence);
      const file = t.tmpPath(`backup-${t.adapter.name}`);
      await t.store.backup(file);
      // when
      await t.store.users.updateIfVersion(kept.id, 1, { displayName: 'changed' });
      await t.store.users.delete(removed.id);
      const added = await t.store.users.insert(newUser(t.uniq('added')));
      await t.store.records.updateIfVersion(record.id, 1, { participants: ['p2'] });
      await t.store.nextSequence(sequence);
      await t.store.restore(file);
      // then
      expect(await t.store.users.get(kept.id)).toEqual(kept);
      expect(await t.store.users.get(removed.id)).toEqual(removed);
      expect(await t.store.users.get(added.id)).toBeNull();
      expect(await t.store.records.get(record.id)).toEqual(record);
      const involved = (who: string) =>
        t.store.records.count({
          op: 'and',
          items: [
            { op: 'eq', field: 'formId', value: formId },
            { op: 'contains', field: 'participants', value: who },
          ],
        });
      expect([await involved('p1'), await involved('p2')]).toEqual([1, 0]);
      expect(await t.store.nextSequence(sequence)).toBe(2);
      const again = await t.store.users.insert(newUser(t.uniq('after')));
      expect(await t.store.users.getOrThrow(again.id)).toEqual(again);
      await t.store.ping();
    });

    it('refuses a file that is not a backup and keeps the data', async () => {
      const user = await t.store.users.insert(newUser(t.uniq('safe')));
      const file = t.tmpPath(`garbage-${t.adapter.name}`);
      writeFileSync(file, 'this is not a backup\n');
      expect(await rejection(t.store.restore(file))).toBeInstanceOf(BadRequest);
      expect(await rejection(t.store.restore(t.tmpPath('missing')))).toBeInstanceOf(Error);
      expect(await t.store.users.get(user.id)).toEqual(user);
    });
  });
});
