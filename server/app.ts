import express, { Router, type Express } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { auditRoutes } from './audit/audit-routes.ts';
import { blobRoutes, createBlobStore } from './blobs/blob-routes.ts';
import { authenticate } from './auth/authenticate.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import { tokenRoutes } from './auth/token-routes.ts';
import { NotFound } from './errors/index.ts';
import { createCompiledCache } from './forms/compiled-cache.ts';
import { formRoutes } from './forms/form-routes.ts';
import { createFormPublisher } from './forms/publish.ts';
import { bodyGuard } from './http/body-guard.ts';
import { buildOpenApi, renderDocsPage } from './http/openapi.ts';
import { problemHandler } from './http/problem.ts';
import { defineRoute, mountRoutes, type RouteDef } from './http/route.ts';
import { createMetrics } from './ops/metrics.ts';
import { departmentRoutes } from './org/department-routes.ts';
import { roleRoutes } from './org/role-routes.ts';
import { userRoutes } from './org/user-routes.ts';
import { recordRoutes } from './records/record-routes.ts';
import { dataImportExportRoutes } from './imports/data/index.ts';
import { templateImportRoutes } from './imports/templates/index.ts';
import type { Services } from './services.ts';

export const API_PREFIX = '/api/v1';
const SPA_DIR = path.resolve(import.meta.dirname, '../dist/web');

export interface AppOptions {
  services: Services;
  version: string;
  /** serve the built SPA from dist/web (off in API tests) */
  isServingSpa?: boolean;
}

export function createApp({ services, version, isServingSpa = true }: AppOptions): Express {
  const app = express();
  const metrics = createMetrics();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // ajv (record validation in the browser, the same code as the server) compiles schemas
          // with new Function; inline scripts stay forbidden.
          'script-src': ["'self'", "'unsafe-eval'"],
          // antd's CSS-in-JS writes <style> tags at run time
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use(metrics.middleware);

  const health = (_req: express.Request, res: express.Response) => res.json({ status: 'ok' });
  const ready = async (_req: express.Request, res: express.Response) => {
    await services.store.ping();
    res.json({ status: 'ready', store: services.store.kind });
  };
  const metricsHandler = async (_req: express.Request, res: express.Response) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  for (const prefix of ['', API_PREFIX]) {
    app.get(`${prefix}/healthz`, health);
    app.get(`${prefix}/readyz`, ready);
    app.get(`${prefix}/metrics`, metricsHandler);
  }

  const cache = createCompiledCache();
  const blobs = createBlobStore(services);
  const publisher = createFormPublisher(services, cache);
  const routes: RouteDef[] = [
    ...sessionRoutes(services),
    ...tokenRoutes(services),
    ...userRoutes(services),
    ...departmentRoutes(services),
    ...roleRoutes(services),
    ...auditRoutes(services),
    ...formRoutes(services, publisher),
    ...recordRoutes(services, publisher, cache, blobs),
    ...blobRoutes(services, blobs),
    ...dataImportExportRoutes(services, publisher, cache),
    ...templateImportRoutes(services),
  ];
  const openapi = buildOpenApi(routes, { version });
  routes.push(
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      permission: 'public',
      summary: 'This API as OpenAPI 3.1',
      tag: 'meta',
      handler: () => openapi,
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      permission: 'public',
      summary: 'API reference page',
      tag: 'meta',
      handler: ({ res }) => void res.type('html').send(renderDocsPage(routes)),
    }),
  );

  const api = Router();
  api.use(express.json({ limit: services.config.jsonLimit, strict: true }));
  api.use(cookieParser());
  api.use(authenticate(services));
  api.use(bodyGuard());
  mountRoutes(api, routes);
  api.use((req) => {
    throw new NotFound('endpoint', `${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  app.use(API_PREFIX, api);
  app.use('/api', (req) => {
    throw new NotFound('endpoint', `${req.method} ${req.originalUrl.split('?')[0]}`);
  });

  if (isServingSpa && fs.existsSync(path.join(SPA_DIR, 'index.html'))) {
    app.use(express.static(SPA_DIR, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(SPA_DIR, 'index.html')));
  }
  app.use(problemHandler(services.logger));
  return app;
}
