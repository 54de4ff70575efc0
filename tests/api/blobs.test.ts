import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, storeKinds, type TestServer } from '../helpers/api-server.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

for (const kind of storeKinds('api blobs')) {
  describe(`blob uploads (${kind.name})`, () => {
    let srv: TestServer;
    let cookie = '';
    let csrf = '';

    const upload = (
      name: string,
      data: Buffer | string,
      type = 'application/octet-stream',
      headers: Record<string, string> = {},
    ) => {
      const body = new FormData();
      body.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name);
      return fetch(`${srv.url}/api/v1/blobs`, {
        method: 'POST',
        body,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
      });
    };

    beforeAll(async () => {
      srv = await startTestServer({ mongoUri: kind.mongoUri });
      const res = await fetch(`${srv.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    });
    afterAll(() => srv?.close());

    it('stores a PNG with the type found in its bytes and serves it inline, unsniffable', async () => {
      const res = await upload('photo.jpg', PNG, 'image/jpeg');
      expect(res.status).toBe(201);
      const meta = (await res.json()) as { id: string; type: string; size: number; name: string };
      expect(meta).toMatchObject({ type: 'image/png', size: PNG.length, name: 'photo.jpg' });
      const back = await fetch(`${srv.url}/api/v1/blobs/${meta.id}`, { headers: { cookie } });
      expect(back.status).toBe(200);
      expect(back.headers.get('content-type')).toBe('image/png');
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
      expect(back.headers.get('content-disposition')).toMatch(/^inline/);
      expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
    });

    it('refuses SVG and HTML whatever their name or declared type', async () => {
      const svg = await upload(
        'logo.png',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'image/png',
      );
      expect(svg.status).toBe(415);
      const html = await upload('a.txt', '<html><body onload=alert(1)>', 'text/plain');
      expect(html.status).toBe(415);
    });

    it('serves plain text and other files as downloads', async () => {
      const res = await upload('notes.txt', 'just text, 中文');
      expect(res.status).toBe(201);
      const meta = (await res.json()) as { id: string; type: string };
      expect(meta.type).toBe('text/plain');
      const back = await fetch(`${srv.url}/api/v1/blobs/${meta.id}`, { headers: { cookie } });
      expect(back.headers.get('content-disposition')).toMatch(/^attachment/);
    });

    it('needs the CSRF header with a cookie, and a signed-in user to read', async () => {
      const res = await upload('x.png', PNG, 'image/png', { 'x-csrf-token': 'wrong' });
      expect(res.status).toBe(403);
      const anonymous = await fetch(`${srv.url}/api/v1/blobs/${'a'.repeat(32)}`);
      expect(anonymous.status).toBe(401);
      const missing = await fetch(`${srv.url}/api/v1/blobs/${'a'.repeat(32)}`, { headers: { cookie } });
      expect(missing.status).toBe(404);
    });

    it('refuses a body that is not multipart (415) and an upload without a "file" part (400)', async () => {
      const json = await fetch(`${srv.url}/api/v1/blobs`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ file: 'x' }),
      });
      expect(json.status).toBe(415);
      const body = new FormData();
      body.append('other', new Blob([new Uint8Array(PNG)]), 'x.png');
      const noFile = await fetch(`${srv.url}/api/v1/blobs`, {
        method: 'POST',
        body,
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(noFile.status).toBe(400);
      expect(noFile.headers.get('content-type')).toMatch(/problem\+json/);
    });

    it('refuses a file over the size limit with 413', async () => {
      const res = await upload('big.txt', Buffer.alloc(21 * 1024 * 1024, 'a'));
      expect(res.status).toBe(413);
    });

    it('is described in the OpenAPI document like every other route', async () => {
      const spec = (await (await fetch(`${srv.url}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { 'x-permission': string; requestBody?: any; responses: any }>>;
      };
      const post = spec.paths['/blobs'].post;
      expect(post['x-permission']).toBe('signedIn');
      expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
      expect(post.responses['201'].content['application/json'].schema.required).toEqual([
        'id',
        'name',
        'size',
        'type',
      ]);
      expect(spec.paths['/blobs/{id}'].get['x-permission']).toBe('signedIn');
    });
  });
}
