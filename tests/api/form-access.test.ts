import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storeKinds, type ApiClient, type TestServer } from '../helpers/api-server.ts';

const definition = {
  schemaVersion: 1,
  settings: { title: 'Expense claim', indexedFields: [] },
  fields: [{ key: 'purpose', type: 'text', label: 'Purpose' }],
};

type Client = ApiClient & { userId: string };

for (const kind of storeKinds('api form access')) {
  describe(`forms carry the caller's access, computed from the grants (${kind.name})`, () => {
    let srv: TestServer;
    let formId: string;
    let privateFormId: string;
    let alice: Client;
    let byRole: Client;
    let byDepartment: Client;
    let byUser: Client;
    let plain: Client;
    let aliceRecordId: string;

    const publish = async (title: string, grants: Record<string, string[]>) => {
      const form = await srv.admin.post('/forms', { title, definition, grants });
      expect(form.status).toBe(201);
      expect((await srv.admin.post(`/forms/${form.body.id}/versions`, { version: 1 })).status).toBe(201);
      return form.body.id as string;
    };
    const listed = async (client: ApiClient, id: string) =>
      (await client.get('/forms?limit=500')).body.items.find((f: { id: string }) => f.id === id);

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      expect((await srv.admin.post('/org/roles', { name: 'auditor' })).status).toBe(201);
      const finance = await srv.admin.post('/org/departments', { name: 'Finance', parentId: null });
      expect(finance.status).toBe(201);
      alice = await srv.createUser({ username: 'alice.access' });
      byRole = await srv.createUser({ username: 'rita.role', roles: ['member', 'auditor'] });
      byDepartment = await srv.createUser({ username: 'dora.dept', departmentId: finance.body.id });
      byUser = await srv.createUser({ username: 'ulf.user' });
      plain = await srv.createUser({ username: 'paul.plain' });
      formId = await publish('Expense claim', {
        submit: ['*'],
        viewAll: ['role:auditor', `dept:${finance.body.id}`, `user:${byUser.userId}`],
        manage: [],
      });
      privateFormId = await publish('Board minutes', { submit: [], viewAll: [], manage: [] });
      const record = await alice.post(`/forms/${formId}/records`, { data: { purpose: 'Taxi' } });
      expect(record.status).toBe(201);
      aliceRecordId = record.body.id;
    });
    afterAll(() => srv?.close());

    it.each([
      ['a role', () => byRole],
      ['a department', () => byDepartment],
      ['a user', () => byUser],
    ])('a viewAll grant through %s shows canViewAll and lists everyone’s records', async (_, who) => {
      const client = who();
      const access = { canSubmit: true, canViewAll: true, canManage: false };
      const inList = await listed(client, formId);
      expect(inList.access).toEqual(access);
      expect(inList.grants).toBeUndefined();
      expect(inList.draft).toBeUndefined();
      const one = await client.get(`/forms/${formId}`);
      expect(one.status).toBe(200);
      expect(one.body.access).toEqual(access);
      const all = await client.get(`/forms/${formId}/records?scope=all`);
      expect(all.status).toBe(200);
      expect(all.body.items.map((r: { id: string }) => r.id)).toContain(aliceRecordId);
      expect((await client.get(`/records/${aliceRecordId}`)).status).toBe(200);
    });

    it('a member without viewAll sees canViewAll=false and only their own records', async () => {
      const access = { canSubmit: true, canViewAll: false, canManage: false };
      expect((await listed(plain, formId)).access).toEqual(access);
      expect((await plain.get(`/forms/${formId}`)).body.access).toEqual(access);
      const all = await plain.get(`/forms/${formId}/records?scope=all`);
      expect(all.status).toBe(200);
      expect(all.body.items).toEqual([]);
      expect((await plain.get(`/records/${aliceRecordId}`)).status).toBe(404);
    });

    it('a form the member may neither fill nor view stays hidden (404)', async () => {
      expect(await listed(plain, privateFormId)).toBeUndefined();
      expect((await plain.get(`/forms/${privateFormId}`)).status).toBe(404);
      expect((await plain.get(`/forms/${privateFormId}/records?scope=all`)).status).toBe(404);
    });

    it('fills a page with the forms the member may see, however many hidden ones sort before them', async () => {
      // 'Aa…' titles sort before 'Expense claim' and are invisible to Paul
      for (let i = 0; i < 4; i++) await publish(`Aa hidden ${i}`, { submit: [], viewAll: [], manage: [] });
      const dept = await srv.admin.post('/org/departments', { name: 'Stores', parentId: null });
      const member = await srv.createUser({ username: 'sam.stores', departmentId: dept.body.id });
      const deptForm = await publish('Ab stock count', {
        submit: [`dept:${dept.body.id}`],
        viewAll: [],
        manage: [],
      });
      const page = await member.get('/forms?limit=2');
      expect(page.status).toBe(200);
      expect(page.body.items.map((f: { title: string }) => f.title)).toEqual([
        'Ab stock count',
        'Expense claim',
      ]);
      expect(page.body.items[0].id).toBe(deptForm);
      const plainPage = await plain.get('/forms?limit=1');
      expect(plainPage.body.items.map((f: { title: string }) => f.title)).toEqual(['Expense claim']);
    });

    it('managers get canManage (with the draft and grants)', async () => {
      const form = await srv.admin.get(`/forms/${formId}`);
      expect(form.body.access).toEqual({ canSubmit: true, canViewAll: true, canManage: true });
      expect(form.body.grants).toBeDefined();
      expect((await listed(srv.admin, privateFormId)).access.canManage).toBe(true);
    });

    it('describes access in the OpenAPI form schema', async () => {
      const spec = await srv.admin.get('/openapi.json');
      const schema = spec.body.paths['/forms/{id}'].get.responses['200'].content['application/json'].schema;
      expect(Object.keys(schema.properties.access.properties)).toEqual([
        'canSubmit',
        'canViewAll',
        'canManage',
      ]);
    });
  });
}
