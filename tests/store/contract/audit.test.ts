import { describe, expect, it } from 'vitest';
import type { AuditEvent, NewDoc } from '../../../server/store/types.ts';
import { describeContract } from './adapters.ts';

/** The query behind a record's history: one target's events, oldest first. */
describeContract('store audit trail of one target', (t) => {
  const event = (targetId: string, action: string, extra: Partial<NewDoc<AuditEvent>> = {}) => ({
    actorId: 'u1',
    action,
    targetType: 'record',
    targetId,
    summary: { before: null, after: { status: 'draft' }, changedFields: ['a', 'b'] },
    ...extra,
  });

  describe('#list by targetType and targetId', () => {
    it('answers only that target’s events, oldest first, across cursor pages', async () => {
      // given: two records' events interleaved, and an import that shares the id of neither
      const mine = t.uniq('rec');
      const other = t.uniq('rec');
      const written: AuditEvent[] = [];
      for (let i = 0; i < 7; i++) {
        written.push(await t.store.audit.insert(event(mine, `record.step${i}`)));
        await t.store.audit.insert(event(other, `record.step${i}`));
      }
      await t.store.audit.insert(event(mine, 'import.commit', { targetType: 'import' }));
      // when
      const seen: AuditEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.store.audit.list({
          filter: {
            op: 'and',
            items: [
              { op: 'eq', field: 'targetType', value: 'record' },
              { op: 'eq', field: 'targetId', value: mine },
            ],
          },
          sort: [{ field: 'createdAt', dir: 'asc' }],
          limit: 3,
          cursor,
        });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // then
      expect(seen.map((e) => e.action)).toEqual(written.map((e) => e.action));
      expect(seen.map((e) => e.id)).toEqual(written.map((e) => e.id));
      expect(seen[0].summary).toEqual({
        before: null,
        after: { status: 'draft' },
        changedFields: ['a', 'b'],
      });
    });
  });
});
