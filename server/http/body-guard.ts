import type { RequestHandler } from 'express';
import { BadRequest, UnsupportedMediaType } from '../errors/index.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/** Names the first key that could be read as a query operator or touch prototypes, or null. */
export function findHostileKey(value: unknown, path = '', depth = 0): string | null {
  if (depth > MAX_DEPTH) return `${path} (nested deeper than ${MAX_DEPTH} levels)`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findHostileKey(value[i], `${path}/${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key) || key.startsWith('$')) return `${path}/${key}`;
      const hit = findHostileKey((value as Record<string, unknown>)[key], `${path}/${key}`, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Paths (relative to /api/v1) whose handlers read a file upload themselves — multipart or
 * a raw spreadsheet body — with their own size limit and content checks.
 */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/blobs', '/imports/templates', '/imports/data']);

/** Mutating requests must be JSON and free of operator-like or prototype keys (uploads excepted). */
export function bodyGuard(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || (req.method === 'POST' && UPLOAD_PATHS.has(req.path))) return next();
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) {
      throw new UnsupportedMediaType(
        `Send the body as application/json (got ${req.headers['content-type'] ?? 'no content type'})`,
      );
    }
    const hit = findHostileKey(req.body);
    if (hit)
      throw new BadRequest(`The body contains a forbidden key at ${hit.replace(/^\//, '')}`, {
        pointer: hit,
      });
    next();
  };
}
