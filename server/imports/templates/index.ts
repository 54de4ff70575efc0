export { templateImportRoutes } from './template-routes.ts';
