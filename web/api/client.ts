/**
 * Thin fetch wrapper for `/api/v1`: same-origin cookies, CSRF header on writes,
 * the UI language as `Accept-Language`, and problem+json errors as `ApiProblem`.
 */

export const API_BASE = '/api/v1';

export interface ProblemFieldError {
  /** JSON-pointer-like path without the leading slash, e.g. `email` or `items/3/qty` */
  path: string;
  code: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  [extra: string]: unknown;
}

export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors: ProblemFieldError[];
  readonly document: ProblemDocument;

  constructor(doc: ProblemDocument) {
    super(doc.detail || doc.title || `HTTP ${doc.status}`);
    this.name = 'ApiProblem';
    this.type = doc.type;
    this.title = doc.title;
    this.status = doc.status;
    this.detail = doc.detail;
    this.errors = Array.isArray(doc.errors) ? doc.errors : [];
    this.document = doc;
  }

  /** `type` ends with `/problems/<code>`; this is that code (`version-conflict`, `validation-failed`, …). */
  get code(): string {
    return this.type.split('/').pop() ?? '';
  }

  /**
   * `errors[]`, or, for a problem that names one field (`{ field: 'username' }`,
   * e.g. a unique-constraint conflict), that field with the problem's detail.
   */
  get fieldErrors(): ProblemFieldError[] {
    if (this.errors.length > 0) return this.errors;
    const field = this.document.field;
    if (typeof field !== 'string' || !field) return [];
    return [{ path: field, code: this.code, message: this.detail || this.title }];
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version-conflict';
  }
}

export const isApiProblem = (e: unknown): e is ApiProblem => e instanceof ApiProblem;

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** sent as JSON, or as multipart when it is a FormData */
  body?: unknown;
  signal?: AbortSignal;
  /** a 401 is an expected answer here (session probe, login): do not sign the user out */
  isAuthProbe?: boolean;
}

interface ClientHooks {
  getLanguage: () => string;
  onUnauthorized: () => void;
}

let csrfToken: string | null = null;
const hooks: ClientHooks = { getLanguage: () => 'en', onUnauthorized: () => {} };

export function configureApiClient(next: Partial<ClientHooks>): void {
  Object.assign(hooks, next);
}

/** Kept in memory only; comes from the `POST /session` and `GET /me` answers. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.getLanguage(),
  };
  // FormData (uploads) sets its own multipart content type with the boundary
  const isMultipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isMultipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body: isMultipart
      ? (options.body as FormData)
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const problem = await readProblem(response);
  if (problem.status === 401 && !options.isAuthProbe) {
    csrfToken = null;
    hooks.onUnauthorized();
  }
  throw problem;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(response: Response): Promise<ApiProblem> {
  const fallback: ProblemDocument = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!/json/i.test(contentType)) return new ApiProblem(fallback);
  try {
    const body = (await response.json()) as Partial<ProblemDocument>;
    return new ApiProblem({ ...fallback, ...body, status: body.status ?? response.status });
  } catch {
    return new ApiProblem(fallback);
  }
}
