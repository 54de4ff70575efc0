import { UPLOAD_PATHS } from './body-guard.ts';
import type { RouteDef } from './route.ts';

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

/** Upload routes read a multipart body themselves: at least a `file` part, some take small text fields too. */
const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    },
  },
};

const requestBodyOf = (route: RouteDef) => {
  if (route.body)
    return { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } };
  if (route.method === 'post' && UPLOAD_PATHS.has(route.path)) return { requestBody: uploadBody };
  return {};
};

const problemResponse = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** OpenAPI 3.1 built from the same route definitions (and schemas) that validate requests. */
export function buildOpenApi(routes: RouteDef[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const params = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryProps = (route.query?.properties ?? {}) as Record<string, unknown>;
    const queryParams = Object.entries(queryProps).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
    }));
    const status = route.response?.status ?? 200;
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      'x-permission': route.permission,
      security: route.permission === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
      parameters: [...params, ...queryParams],
      ...requestBodyOf(route),
      responses: {
        [status]: {
          description: route.response?.description ?? 'Success',
          ...(route.response?.schema
            ? { content: { 'application/json': { schema: route.response.schema } } }
            : {}),
        },
        '4XX': problemResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Formwork API', version: info.version, description: 'Forms, records and approval flows.' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      securitySchemes: {
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'fw_session',
          description: 'Mutations also need the X-CSRF-Token header',
        },
        bearerAuth: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'string' },
                  code: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A dependency-free reference page rendered from the OpenAPI document. */
export function renderDocsPage(routes: RouteDef[]): string {
  const rows = routes
    .map(
      (r) =>
        `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>/api/v1${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.permission)}</td><td>${escapeHtml(r.summary)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Formwork API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4rem .8rem;text-align:left}code{font-size:13px}</style></head>
<body><h1>Formwork API v1</h1><p>Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Permission</th><th>Summary</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
