import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Store } from './store/types.ts';
import { createAuditLog, type AuditLog } from './audit/audit-log.ts';
import { createLoginLimiter, type LoginLimiter } from './auth/login-limiter.ts';
import { createSessionService, type SessionService } from './auth/sessions.ts';
import { createTokenService, type TokenService } from './auth/tokens.ts';

/** The collaborators every route factory receives. */
export interface Services {
  config: Config;
  store: Store;
  logger: Logger;
  sessions: SessionService;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  audit: AuditLog;
}

export function createServices(input: {
  config: Config;
  store: Store;
  logger: Logger;
  secret: string;
}): Services {
  const { config, store, logger, secret } = input;
  return {
    config,
    store,
    logger,
    sessions: createSessionService({ store, secret, isSecureCookies: config.isSecureCookies }),
    tokens: createTokenService(store),
    loginLimiter: createLoginLimiter(),
    audit: createAuditLog(store, logger),
  };
}
