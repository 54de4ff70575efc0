import type { Logger } from 'pino';
import type { AuditEvent, Json, Store } from '../store/types.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  /** top-level data keys an update changed, kept whole even when `before`/`after` are truncated */
  changedFields?: string[];
  ip?: string;
}

// Secrets never reach the audit trail, whatever document is summarised.
const REDACTED_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'secret']);
const MAX_SUMMARY_CHARS = 4_000;

function summarise(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (key, v) => (REDACTED_KEYS.has(key) ? '[redacted]' : v));
  if (json === undefined) return undefined;
  if (json.length > MAX_SUMMARY_CHARS) return { truncated: true, preview: json.slice(0, MAX_SUMMARY_CHARS) };
  return JSON.parse(json) as Json;
}

export function createAuditLog(store: Store, logger: Logger) {
  return {
    async write(entry: AuditEntry): Promise<AuditEvent> {
      const event = await store.audit.insert({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        summary: {
          before: summarise(entry.before) ?? null,
          after: summarise(entry.after) ?? null,
          ...(entry.changedFields ? { changedFields: entry.changedFields } : {}),
        },
        ip: entry.ip,
      });
      logger.info({
        audit: {
          action: entry.action,
          target: `${entry.targetType}:${entry.targetId}`,
          actor: entry.actorId,
        },
      });
      return event;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
