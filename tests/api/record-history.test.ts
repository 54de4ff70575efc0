import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistoryEntrySchema } from '../../schemas/record-history.ts';
import type { RecordHistoryEntry } from '../../schemas/record-history.ts';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

const definition = {
  schemaVersion: 1,
  settings: { title: 'Purchase request', indexedFields: [] },
  fields: [
    { key: 'customer', type: 'text', label: 'Customer', required: true },
    { key: 'note', type: 'text', label: 'Note' },
    {
      key: 'items',
      type: 'table',
      label: 'Items',
      columns: [
        { key: 'sku', type: 'text', label: 'SKU' },
        { key: 'qty', type: 'number', label: 'Qty' },
      ],
    },
  ],
};

const ajv = new Ajv({ strict: false });
addFormats(ajv);
const isEntry = ajv.compile(recordHistoryEntrySchema);

type Client = ApiClient & { userId: string };

for (const kind of storeKinds('api record history')) {
  describe(`record history (${kind.name})`, () => {
    let srv: TestServer;
    let formId: string;
    let alice: Client;
    let bob: Client;
    let viewer: Client;
    let recordId: string;

    const history = async (client: ApiClient, id = recordId, query = '') => {
      const res = await client.get(`/records/${id}/history${query}`);
      return res as { status: number; body: { items: RecordHistoryEntry[]; nextCursor: string | null } };
    };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      alice = await srv.createUser({ username: 'alice.history' });
      bob = await srv.createUser({ username: 'bob.history' });
      viewer = await srv.createUser({ username: 'vera.history' });
      const form = await srv.admin.post('/forms', {
        title: 'Purchase request',
        definition,
        grants: { submit: ['*'], viewAll: [`user:${viewer.userId}`], manage: [] },
      });
      expect(form.status).toBe(201);
      formId = form.body.id;
      expect((await srv.admin.post(`/forms/${formId}/versions`, { version: 1 })).status).toBe(201);

      // a draft, saved again, submitted, then changed by a manager
      const draft = await alice.post(`/forms/${formId}/records`, { data: { note: 'call' }, status: 'draft' });
      expect(draft.status).toBe(201);
      recordId = draft.body.id;
      const saved = await alice.patch(`/records/${recordId}`, { version: 1, data: { note: 'call back' } });
      expect(saved.status).toBe(200);
      const submitted = await alice.patch(`/records/${recordId}`, {
        version: 2,
        data: { customer: 'ACME', items: [{ sku: 'A-1', qty: 2 }] },
        status: 'submitted',
      });
      expect(submitted.status).toBe(200);
      const updated = await srv.admin.patch(`/records/${recordId}`, {
        version: 3,
        data: { items: [{ sku: 'A-1', qty: 3 }] },
      });
      expect(updated.status).toBe(200);
    });
    afterAll(() => srv?.close());

    it('tells the record’s story oldest first with who, when and which fields changed', async () => {
      const res = await history(alice);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const story = res.body.items.map((entry) => {
        const { id: _id, at: _at, ...rest } = entry;
        return rest;
      });
      expect(story).toEqual([
        { type: 'created', status: 'draft', actor: { id: alice.userId, displayName: 'alice.history' } },
        {
          type: 'draftSaved',
          changedFields: ['note'],
          actor: { id: alice.userId, displayName: 'alice.history' },
        },
        {
          type: 'submitted',
          changedFields: ['customer', 'items'],
          actor: { id: alice.userId, displayName: 'alice.history' },
        },
        {
          type: 'updated',
          changedFields: ['items'],
          actor: expect.objectContaining({ displayName: 'Administrator' }),
        },
      ]);
      const times = res.body.items.map((entry) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const entry of res.body.items) expect(isEntry(entry), JSON.stringify(isEntry.errors)).toBe(true);
    });

    it('walks the history in cursor pages without gaps', async () => {
      const all = (await history(alice)).body.items.map((e) => e.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await history(
          alice,
          recordId,
          `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((e) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it('is readable by exactly whoever may read the record', async () => {
      expect((await history(viewer)).status).toBe(200);
      expect((await history(srv.admin)).status).toBe(200);
      // someone else's record answers like an unknown id, so ids cannot be probed
      const denied = await history(bob);
      const unknown = await history(bob, 'no-such-record');
      expect([denied.status, unknown.status]).toEqual([404, 404]);
      expect(denied.body).toEqual({ ...unknown.body, detail: `record ${recordId} not found`, id: recordId });
      const anonymous = await fetch(`${srv.url}/api/v1/records/${recordId}/history`);
      expect(anonymous.status).toBe(401);
    });

    it('starts an imported record with the import’s commit', async () => {
      const { store, audit } = srv.running.services;
      const importId = 'imp-history-1';
      await audit.write({
        actorId: bob.userId,
        action: 'import.commit',
        targetType: 'import',
        targetId: importId,
        after: { formId, inserts: 1, updates: 0 },
      });
      const record = await store.records.insert({
        formId,
        formVersion: 1,
        data: { customer: 'Imported Ltd' },
        status: 'submitted',
        createdBy: bob.userId,
        participants: [bob.userId],
        importId,
      });
      const res = await history(bob, record.id);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          type: 'imported',
          importId,
          actor: { id: bob.userId, displayName: 'bob.history' },
        }),
      ]);
      expect(isEntry(res.body.items[0])).toBe(true);
    });

    it('publishes the history as a discriminated union in OpenAPI', async () => {
      const spec = await srv.admin.get('/openapi.json');
      const op = spec.body.paths['/records/{id}/history'].get;
      expect(op['x-permission']).toBe('signedIn');
      const item = op.responses['200'].content['application/json'].schema.properties.items.items;
      expect(item.discriminator).toEqual({ propertyName: 'type' });
      expect(
        item.oneOf.map((m: { properties: { type: { const: string } } }) => m.properties.type.const),
      ).toEqual(['created', 'draftSaved', 'submitted', 'updated', 'imported']);
    });
  });
}
