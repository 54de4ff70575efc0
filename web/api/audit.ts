import { api } from './client.ts';
import type { AuditEvent, Page } from './types.ts';

export interface AuditQuery {
  actorId?: string;
  action?: string;
  limit?: number;
  cursor?: string | null;
}

export const listAudit = (query: AuditQuery = {}): Promise<Page<AuditEvent>> =>
  api<Page<AuditEvent>>('/audit', { query: { ...query } });
