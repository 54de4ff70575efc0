import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const definition = {
  schemaVersion: 1,
  settings: { title: 'Delivery note', indexedFields: [] },
  fields: [
    { key: 'customer', type: 'text', label: 'Customer' },
    { key: 'photos', type: 'attachment', label: 'Photos' },
  ],
};

for (const kind of storeKinds('api blob access')) {
  describe(`attached files follow record visibility (${kind.name})`, () => {
    let srv: TestServer;
    let formId: string;
    let alice: ApiClient & { userId: string };
    let bob: ApiClient & { userId: string };

    const uploadPng = async (client: ApiClient) => {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'proof.png');
      const res = await client.upload('/blobs', body);
      expect(res.status).toBe(201);
      return res.body as { id: string; name: string; size: number; type: string };
    };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      const form = await srv.admin.post('/forms', { title: 'Delivery note', definition });
      expect(form.status).toBe(201);
      formId = form.body.id;
      expect((await srv.admin.post(`/forms/${formId}/versions`, { version: form.body.version })).status).toBe(
        201,
      );
      alice = await srv.createUser({ username: 'alice.files' });
      bob = await srv.createUser({ username: 'bob.files' });
    });
    afterAll(() => srv?.close());

    it('lets only the uploader (and admins) read a file that is not attached yet', async () => {
      const file = await uploadPng(alice);
      expect((await alice.get(`/blobs/${file.id}`)).status).toBe(200);
      expect((await bob.get(`/blobs/${file.id}`)).status).toBe(404);
      expect((await srv.admin.get(`/blobs/${file.id}`)).status).toBe(200);
    });

    it('lets whoever may see the record read its files, and nobody else', async () => {
      const file = await uploadPng(alice);
      const record = await alice.post(`/forms/${formId}/records`, {
        data: { customer: 'ACME', photos: [file] },
      });
      expect(record.status).toBe(201);
      expect((await bob.get(`/blobs/${file.id}`)).status).toBe(404);
      const manager = await srv.createUser({ username: 'carol.files' });
      const form = await srv.admin.get(`/forms/${formId}`);
      await srv.admin.patch(`/forms/${formId}`, {
        version: form.body.version,
        grants: { ...form.body.grants, viewAll: [`user:${manager.userId}`] },
      });
      expect((await manager.get(`/blobs/${file.id}`)).status).toBe(200);
    });

    it('does not let a user attach someone else’s file to gain access to it', async () => {
      const file = await uploadPng(alice);
      const stolen = await bob.post(`/forms/${formId}/records`, {
        data: { customer: 'Mine', photos: [file] },
      });
      expect(stolen.status).toBe(201);
      expect((await bob.get(`/blobs/${file.id}`)).status).toBe(404);
    });
  });
}
