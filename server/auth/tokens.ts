import type { ApiToken, Store } from '../store/types.ts';
import { randomToken, sha256 } from './secrets.ts';

const TOKEN_PREFIX = 'fw_';

/** API tokens: the secret is shown once; only its sha-256 is stored. */
export function createTokenService(store: Store) {
  return {
    async issue(input: {
      userId: string;
      name: string;
      expiresAt?: string | null;
    }): Promise<{ token: ApiToken; secret: string }> {
      const secret = TOKEN_PREFIX + randomToken(30);
      const token = await store.tokens.insert({
        userId: input.userId,
        name: input.name,
        tokenHash: sha256(secret),
        lastUsedAt: null,
        expiresAt: input.expiresAt ?? null,
      });
      return { token, secret };
    },

    async resolve(secret: string): Promise<ApiToken | null> {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const page = await store.tokens.list({
        filter: { op: 'eq', field: 'tokenHash', value: sha256(secret) },
        limit: 1,
      });
      const token = page.items[0];
      if (!token) return null;
      if (token.expiresAt && token.expiresAt <= new Date().toISOString()) return null;
      return token;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** What API answers show of a token: never the hash. */
export function publicToken(token: ApiToken) {
  const { tokenHash: _hash, ...rest } = token;
  return rest;
}
