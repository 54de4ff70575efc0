import type { CompiledCache } from '../../forms/compiled-cache.ts';
import type { FormPublisher } from '../../forms/publish.ts';
import type { RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { exportRoutes } from '../export/routes.ts';
import { importDataRoutes } from './routes.ts';

/** Data import (/imports/data…) and export (/forms/:id/records/export) — mounted with one line in server/app.ts. */
export const dataImportExportRoutes = (
  services: Services,
  publisher: FormPublisher,
  cache: CompiledCache,
): RouteDef[] => [
  ...importDataRoutes(services, publisher, cache),
  ...exportRoutes(services, publisher, cache),
];

export { createImportService, type ImportService } from './service.ts';
export { createImportContext } from './setup.ts';
