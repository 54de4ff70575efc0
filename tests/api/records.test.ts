import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

const orderSchema = {
  type: 'object',
  title: 'Order',
  required: ['customer', 'amount'],
  properties: {
    customer: { type: 'string', title: 'Customer', maxLength: 100 },
    amount: { type: 'number', title: 'Amount', minimum: 0 },
    region: { type: 'string', title: 'Region', enum: ['north', 'south'] },
    note: { type: 'string', title: 'Note' },
  },
};

for (const kind of storeKinds('api records')) {
  describe(`forms and records (${kind.name})`, () => {
    let srv: TestServer;
    let formId: string;
    let alice: ApiClient & { userId: string };
    let bob: ApiClient & { userId: string };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      const created = await srv.admin.post('/forms', { title: 'Orders', jsonSchema: orderSchema });
      expect(created.status).toBe(201);
      formId = created.body.id;
      const definition = {
        ...created.body.draft,
        settings: { ...created.body.draft.settings, indexedFields: ['customer', 'amount', 'region'] },
      };
      const updated = await srv.admin.patch(`/forms/${formId}`, {
        version: created.body.version,
        definition,
      });
      expect(updated.status).toBe(200);
      const published = await srv.admin.post(`/forms/${formId}/versions`, { version: updated.body.version });
      expect(published.status).toBe(201);
      alice = await srv.createUser({ username: 'alice' });
      bob = await srv.createUser({ username: 'bob' });
    });
    afterAll(() => srv?.close());

    it('converts a plain JSON Schema into a FormDefinition and publishes immutable versions', async () => {
      const form = await srv.admin.get(`/forms/${formId}`);
      expect(form.body.publishedVersion).toBe(1);
      const v1 = await srv.admin.get(`/forms/${formId}/versions/1`);
      expect(v1.status).toBe(200);
      expect(JSON.stringify(v1.body.definition)).toContain('customer');
      expect((await srv.admin.get(`/forms/${formId}/versions/2`)).status).toBe(404);
    });

    it('stores a submitted record and answers 201 {id, version, status, data}', async () => {
      const res = await alice.post(`/forms/${formId}/records`, {
        data: { customer: 'ACME', amount: 10, region: 'north' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        version: 1,
        status: 'submitted',
        data: { customer: 'ACME', amount: 10 },
        createdBy: alice.userId,
      });
      expect(typeof res.body.id).toBe('string');
      expect((await alice.get(`/records/${res.body.id}`)).body.data.customer).toBe('ACME');
    });

    it('answers 422 with field paths for invalid data and stores nothing', async () => {
      const before = (await srv.admin.get(`/forms/${formId}/records?limit=500`)).body.items.length;
      const res = await alice.post(`/forms/${formId}/records`, { data: { amount: -1, region: 'west' } });
      expect(res.status).toBe(422);
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('customer');
      expect((await srv.admin.get(`/forms/${formId}/records?limit=500`)).body.items.length).toBe(before);
    });

    it('saves an incomplete draft, and validates it fully when it is submitted', async () => {
      const draft = await alice.post(`/forms/${formId}/records`, {
        data: { note: 'call back' },
        status: 'draft',
      });
      expect(draft.status).toBe(201);
      expect(draft.body.status).toBe('draft');
      const incomplete = await alice.patch(`/records/${draft.body.id}`, {
        version: draft.body.version,
        data: {},
        status: 'submitted',
      });
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toContain('customer');
      const wrongType = await alice.post(`/forms/${formId}/records`, {
        data: { amount: 'lots' },
        status: 'draft',
      });
      expect(wrongType.status).toBe(422);
      const submitted = await alice.patch(`/records/${draft.body.id}`, {
        version: draft.body.version,
        data: { customer: 'Drafted Ltd', amount: 5 },
        status: 'submitted',
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        version: 2,
        data: { customer: 'Drafted Ltd', note: 'call back' },
      });
    });

    it('filters on indexed fields, sorts, and walks cursor pages without gaps', async () => {
      for (let i = 0; i < 7; i++) {
        expect(
          (
            await bob.post(`/forms/${formId}/records`, {
              data: { customer: `Page-${i}`, amount: 100 + i, region: i % 2 ? 'north' : 'south' },
            })
          ).status,
        ).toBe(201);
      }
      const filter = encodeURIComponent(
        JSON.stringify({ amount: { gte: 101, lt: 106 }, region: { in: ['north', 'south'] } }),
      );
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: {
          status: number;
          body: { items: { data: { amount: number } }[]; nextCursor: string | null };
        } = await srv.admin.get(
          `/forms/${formId}/records?filter=${filter}&sort=-amount&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((r) => r.data.amount));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([105, 104, 103, 102, 101]);
      const contains = await srv.admin.get(
        `/forms/${formId}/records?filter=${encodeURIComponent(JSON.stringify({ customer: { contains: 'Page-3' } }))}`,
      );
      expect(contains.body.items.map((r: { data: { customer: string } }) => r.data.customer)).toEqual([
        'Page-3',
      ]);
    });

    it('refuses filters on fields that are not indexed', async () => {
      const res = await srv.admin.get(
        `/forms/${formId}/records?filter=${encodeURIComponent(JSON.stringify({ note: 'x' }))}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('note');
    });

    describe('IDOR: a member sees only their own records', () => {
      let aliceRecord: { id: string; version: number };
      beforeAll(async () => {
        aliceRecord = (
          await alice.post(`/forms/${formId}/records`, { data: { customer: 'Alice secret', amount: 1 } })
        ).body;
      });

      it('user B cannot read A’s record by id', async () => {
        expect((await bob.get(`/records/${aliceRecord.id}`)).status).toBe(404);
      });
      it('user B cannot update or delete A’s record by id', async () => {
        expect(
          (
            await bob.patch(`/records/${aliceRecord.id}`, {
              version: aliceRecord.version,
              data: { customer: 'pwned' },
            })
          ).status,
        ).toBe(404);
        expect((await bob.delete(`/records/${aliceRecord.id}`)).status).toBe(404);
        expect((await alice.get(`/records/${aliceRecord.id}`)).body.data.customer).toBe('Alice secret');
      });
      it('user B cannot list A’s records, not even by filtering on them', async () => {
        const filter = encodeURIComponent(JSON.stringify({ customer: 'Alice secret' }));
        const res = await bob.get(`/forms/${formId}/records?filter=${filter}&scope=all`);
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([]);
        const own = await bob.get(`/forms/${formId}/records?limit=500`);
        expect(own.body.items.every((r: { createdBy: string }) => r.createdBy === bob.userId)).toBe(true);
      });
      it('the form manager sees every record', async () => {
        const res = await srv.admin.get(
          `/forms/${formId}/records?filter=${encodeURIComponent(JSON.stringify({ customer: 'Alice secret' }))}`,
        );
        expect(res.body.items).toHaveLength(1);
      });
    });

    describe('bad input gets a clear 4xx and changes nothing', () => {
      const count = async () => (await srv.admin.get(`/forms/${formId}/records?limit=500`)).body.items.length;

      it('malformed JSON → 400', async () => {
        const before = await count();
        const res = await alice.request('POST', `/forms/${formId}/records`, undefined, {
          rawBody: '{"data": {',
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        expect(await count()).toBe(before);
      });
      it('a body over the limit → 413', async () => {
        const res = await alice.post(`/forms/${formId}/records`, {
          data: { customer: 'x'.repeat(1_100_000), amount: 1 },
        });
        expect(res.status).toBe(413);
      });
      it('a wrong content type → 415', async () => {
        const res = await alice.request('POST', `/forms/${formId}/records`, undefined, {
          rawBody: 'customer=ACME',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(res.status).toBe(415);
      });
      it('unknown form or record → 404', async () => {
        expect((await alice.post('/forms/nope/records', { data: {} })).status).toBe(404);
        expect((await alice.get('/records/nope')).status).toBe(404);
      });
      it('operators smuggled in values → 400', async () => {
        const before = await count();
        expect(
          (await alice.post(`/forms/${formId}/records`, { data: { customer: { $gt: '' }, amount: 1 } }))
            .status,
        ).toBe(400);
        const filter = encodeURIComponent(JSON.stringify({ customer: { eq: { $gt: '' } } }));
        expect((await srv.admin.get(`/forms/${formId}/records?filter=${filter}`)).status).toBe(400);
        const shorthand = encodeURIComponent(JSON.stringify({ customer: { $ne: 'x' } }));
        expect((await srv.admin.get(`/forms/${formId}/records?filter=${shorthand}`)).status).toBe(400);
        expect(await count()).toBe(before);
      });
      it('__proto__ and $where keys → 400', async () => {
        const before = await count();
        const proto = await alice.request('POST', `/forms/${formId}/records`, undefined, {
          rawBody: '{"data": {"customer": "x", "amount": 1, "__proto__": {"isAdmin": true}}}',
          headers: { 'content-type': 'application/json' },
        });
        expect(proto.status).toBe(400);
        expect(
          (
            await alice.post(`/forms/${formId}/records`, {
              data: { customer: 'x', amount: 1, $where: 'sleep(1000)' },
            })
          ).status,
        ).toBe(400);
        const filter = encodeURIComponent(JSON.stringify({ $where: 'sleep(1000)' }));
        expect((await srv.admin.get(`/forms/${formId}/records?filter=${filter}`)).status).toBe(400);
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        expect(await count()).toBe(before);
      });
      it('a stale record version → 409', async () => {
        const rec = (await alice.post(`/forms/${formId}/records`, { data: { customer: 'Stale', amount: 1 } }))
          .body;
        expect((await alice.patch(`/records/${rec.id}`, { version: 1, data: { amount: 2 } })).status).toBe(
          200,
        );
        const stale = await alice.patch(`/records/${rec.id}`, { version: 1, data: { amount: 3 } });
        expect(stale.status).toBe(409);
        expect((await alice.get(`/records/${rec.id}`)).body.data.amount).toBe(2);
      });
    });

    it('lets exactly one of 20 concurrent updates of the same version win', async () => {
      const rec = (await alice.post(`/forms/${formId}/records`, { data: { customer: 'Race', amount: 0 } }))
        .body;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          alice.patch(`/records/${rec.id}`, { version: rec.version, data: { amount: i + 1 } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const winner = results.find((r) => r.status === 200)!;
      expect((await alice.get(`/records/${rec.id}`)).body).toMatchObject({
        version: 2,
        data: { amount: winner.body.data.amount },
      });
    });

    it('publishes the API as OpenAPI 3.1 with health, readiness and metrics', async () => {
      const spec = await srv.admin.get('/openapi.json');
      expect(spec.body.openapi).toBe('3.1.0');
      expect(spec.body.paths['/forms/{id}/records'].post.requestBody).toBeDefined();
      for (const [path, methods] of Object.entries(
        spec.body.paths as Record<string, Record<string, { 'x-permission': string }>>,
      )) {
        for (const op of Object.values(methods)) expect(op['x-permission'], path).toBeTruthy();
      }
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
      expect((await (await fetch(`${srv.url}/readyz`)).json()).store).toBe(kind.name);
      expect(await (await fetch(`${srv.url}/metrics`)).text()).toContain('formwork_http_requests_total');
    });
  });
}
