import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiProblem, configureApiClient, setCsrfToken } from '../../web/api/client.ts';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthorized = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    configureApiClient({ getLanguage: () => 'zh-CN', onUnauthorized });
    setCsrfToken('tok-1');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthorized.mockReset();
  });

  it('sends the CSRF token and language on writes, same-origin credentials', async () => {
    fetchMock.mockResolvedValue(json(201, { id: 'u1' }));
    await api('/org/users', { method: 'POST', body: { username: 'li' } });
    const [url, init] = fetchMock.mock.calls[0];
    const headers = init?.headers as Record<string, string>;
    expect(url).toBe('/api/v1/org/users');
    expect(init?.credentials).toBe('same-origin');
    expect(headers['X-CSRF-Token']).toBe('tok-1');
    expect(headers['Accept-Language']).toBe('zh-CN');
    expect(init?.body).toBe('{"username":"li"}');
  });

  it('sends no CSRF token on GET and drops empty query members', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [], nextCursor: null }));
    await api('/org/users', { query: { q: '', limit: 50, cursor: null } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/org/users?limit=50');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api('/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('parses problem+json into an ApiProblem with field errors', async () => {
    fetchMock.mockResolvedValue(
      json(
        422,
        {
          type: '/problems/validation-failed',
          title: 'Validation failed',
          status: 422,
          errors: [{ path: 'email', code: 'format', message: 'not an e-mail' }],
        },
        'application/problem+json',
      ),
    );
    const error = await api('/org/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('validation-failed');
    expect((error as ApiProblem).errors).toEqual([
      { path: 'email', code: 'format', message: 'not an e-mail' },
    ]);
  });

  it('treats a problem naming one field as an error on that field', async () => {
    fetchMock.mockResolvedValue(
      json(
        409,
        {
          type: '/problems/conflict',
          title: 'Conflict',
          status: 409,
          detail: 'The username "li" is taken',
          field: 'username',
        },
        'application/problem+json',
      ),
    );
    const error = (await api('/org/users', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiProblem;
    expect(error.isVersionConflict).toBe(false);
    expect(error.fieldErrors).toEqual([
      { path: 'username', code: 'conflict', message: 'The username "li" is taken' },
    ]);
  });

  it('recognises a stale version', async () => {
    fetchMock.mockResolvedValue(
      json(
        409,
        { type: '/problems/version-conflict', title: 'Conflict', status: 409 },
        'application/problem+json',
      ),
    );
    const error = (await api('/org/users/u1', { method: 'PATCH', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiProblem;
    expect(error.isVersionConflict).toBe(true);
  });

  it('signs the user out on 401, except for auth probes', async () => {
    fetchMock.mockImplementation(async () =>
      json(
        401,
        { type: '/problems/unauthorized', title: 'Unauthorized', status: 401 },
        'application/problem+json',
      ),
    );
    await api('/me', { isAuthProbe: true }).catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api('/org/users').catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a non-JSON error page into an ApiProblem with the HTTP status', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await api('/org/users').catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
  });
});
