import path from 'node:path';

/** Everything configurable, read once from the environment. Documented in README "Configuration". */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | null;
  adminPassword: string | null;
  /** secret for CSRF token signing; generated per data dir when unset */
  sessionSecret: string | null;
  /** cookies get `Secure` when true (set behind HTTPS) */
  isSecureCookies: boolean;
  jsonLimit: string;
  seedDemo: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.FORMWORK_DATA_DIR ?? './data'),
    mongodbUri: env.MONGODB_URI || null,
    adminPassword: env.FORMWORK_ADMIN_PASSWORD || null,
    sessionSecret: env.FORMWORK_SECRET || null,
    isSecureCookies: env.FORMWORK_SECURE_COOKIES === 'true',
    jsonLimit: env.FORMWORK_JSON_LIMIT ?? '1mb',
    seedDemo: env.FORMWORK_SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
