import type { Request, Response, Router } from 'express';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { BadRequest, Forbidden, Unauthorized, ValidationError, type FieldError } from '../errors/index.ts';
import type { AuthInfo } from '../auth/types.ts';
import { hasPermission, type Permission } from '../auth/permissions.ts';
import { pickLocale, type Locale } from './locale.ts';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<B, Q> {
  req: Request;
  res: Response;
  /** present for every permission but `public` */
  auth: AuthInfo;
  body: B;
  query: Q;
  params: Record<string, string>;
  locale: Locale;
}

/** A non-200 answer; a plain return value is sent as 200 JSON. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const created = (body: unknown, location?: string) =>
  new Reply(201, body, location ? { Location: location } : {});
export const noContent = () => new Reply(204);

export interface RouteDef<B = unknown, Q = unknown> {
  method: HttpMethod;
  /** Express path relative to /api/v1, e.g. `/forms/:id` */
  path: string;
  /** Required: there is no default, so a route cannot be exposed by omission. */
  permission: Permission;
  summary: string;
  tag: string;
  body?: JsonSchema;
  query?: JsonSchema;
  /** schema of the success body, for OpenAPI */
  response?: { status: number; schema?: JsonSchema; description?: string };
  handler: (ctx: RouteContext<B, Q>) => Promise<unknown> | unknown;
}

/** Erases the generics so routes with different bodies fit one list. */
export const defineRoute = <B = unknown, Q = unknown>(def: RouteDef<B, Q>): RouteDef =>
  def as unknown as RouteDef;

const bodyAjv = new Ajv({ strict: false, allErrors: false, coerceTypes: false, useDefaults: true });
const queryAjv = new Ajv({ strict: false, allErrors: false, coerceTypes: 'array', useDefaults: true });
addFormats(bodyAjv);
addFormats(queryAjv);

function compile(ajv: Ajv, schema: JsonSchema | undefined): ValidateFunction | null {
  return schema ? ajv.compile(schema) : null;
}

function schemaErrors(validate: ValidateFunction, where: 'body' | 'query'): FieldError[] {
  return (validate.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    const path = `${e.instancePath}${missing}${extra}`.replace(/^\//, '');
    return { path: path || where, code: e.keyword, message: `${path || where} ${e.message ?? 'is invalid'}` };
  });
}

/** Mounts routes on `router`, enforcing permission, then body and query schemas, then the handler. */
export function mountRoutes(router: Router, routes: RouteDef[]): void {
  for (const route of routes) {
    if (!route.permission)
      throw new Error(`route ${route.method.toUpperCase()} ${route.path} declares no permission`);
    const validateBody = compile(bodyAjv, route.body);
    const validateQuery = compile(queryAjv, route.query);
    router[route.method](route.path, async (req, res) => {
      const auth = req.auth ?? null;
      if (route.permission !== 'public') {
        if (!auth) throw new Unauthorized('Sign in or send an API token to use this endpoint');
        if (!hasPermission(auth.user, route.permission)) {
          throw new Forbidden(`This action needs the ${route.permission} permission`);
        }
      }
      const body = req.body ?? {};
      if (validateBody && !validateBody(body)) {
        throw new ValidationError(
          'The request body does not match the schema',
          schemaErrors(validateBody, 'body'),
        );
      }
      const query = { ...(req.query as Record<string, unknown>) };
      if (validateQuery && !validateQuery(query)) {
        throw new BadRequest('Invalid query parameters', { errors: schemaErrors(validateQuery, 'query') });
      }
      const result = await route.handler({
        req,
        res,
        auth: auth as AuthInfo,
        body,
        query,
        params: req.params as Record<string, string>,
        locale: pickLocale(req.headers['accept-language']),
      });
      if (result instanceof Reply) {
        res.set(result.headers).status(result.status);
        if (result.body === undefined) res.end();
        else res.json(result.body);
      } else {
        res.json(result);
      }
    });
  }
}
