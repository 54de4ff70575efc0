import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { mongoUriOrSkip, withFreshDatabase } from './mongo-env.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestServer {
  url: string;
  running: RunningServer;
  /** a signed-in client for `admin` */
  admin: ApiClient;
  login(username: string, password: string): Promise<ApiClient>;
  /** creates a user through the API and returns a signed-in client for them */
  createUser(input: {
    username: string;
    roles?: string[];
    departmentId?: string | null;
  }): Promise<ApiClient & { userId: string }>;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny cookie-and-CSRF-aware client over real HTTP. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private cookie = '',
    private csrfToken = '',
    private bearer = '',
  ) {}

  static withToken(baseUrl: string, token: string): ApiClient {
    return new ApiClient(baseUrl, '', '', token);
  }

  async request<T = any>(
    method: string,
    urlPath: string,
    body?: unknown,
    init: { headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined = init.rawBody;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}/api/v1${urlPath}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  /** multipart POST (file uploads) with the same credentials */
  async upload<T = any>(urlPath: string, body: FormData): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}/api/v1${urlPath}`, { method: 'POST', headers, body });
    return { status: res.status, headers: res.headers, body: (await res.json()) as T };
  }

  get = <T = any>(p: string) => this.request<T>('GET', p);
  post = <T = any>(p: string, body?: unknown) => this.request<T>('POST', p, body);
  patch = <T = any>(p: string, body?: unknown) => this.request<T>('PATCH', p, body);
  delete = <T = any>(p: string) => this.request<T>('DELETE', p);

  async signIn(username: string, password: string): Promise<ApiResponse> {
    const res = await fetch(`${this.baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await res.json();
    if (res.status === 201) {
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      this.csrfToken = body.csrfToken;
    }
    return { status: res.status, headers: res.headers, body };
  }
}

/** Starts the real server on a random port with a fresh SQLite dir, or a fresh MongoDB database. */
export async function startTestServer(options: { mongoUri?: string | null } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-api-'));
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    mongodbUri: options.mongoUri ? withFreshDatabase(options.mongoUri, 'fw_api') : null,
    adminPassword: ADMIN_PASSWORD,
    seedDemo: false,
  };
  const running = await startServer({
    config,
    logger: pino({ level: 'silent' }),
    isServingSpa: false,
    print: () => undefined,
  });
  const url = running.url;
  const login = async (username: string, password: string) => {
    const client = new ApiClient(url);
    const res = await client.signIn(username, password);
    if (res.status !== 201)
      throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  return {
    url,
    running,
    admin,
    login,
    async createUser({ username, roles = ['member'], departmentId = null }) {
      const password = `pw-${username}-123`;
      const res = await admin.post('/org/users', {
        username,
        displayName: username,
        roles,
        password,
        departmentId,
      });
      if (res.status !== 201)
        throw new Error(`creating ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const client = await login(username, password);
      return Object.assign(client, { userId: res.body.id as string });
    },
    async close() {
      await running.close();
      if (config.mongodbUri) {
        const mongoose = await import('mongoose');
        const conn = await mongoose.default.createConnection(config.mongodbUri).asPromise();
        await conn.dropDatabase();
        await conn.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `define` once per available store: SQLite always, MongoDB when MONGODB_URI is set. */
export function storeKinds(suite: string): { name: string; mongoUri: string | null }[] {
  const uri = mongoUriOrSkip(suite);
  return [{ name: 'sqlite', mongoUri: null }, ...(uri ? [{ name: 'mongo', mongoUri: uri }] : [])];
}
