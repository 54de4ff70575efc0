import { createContext, useContext } from 'react';
import type { KeyboardEvent } from 'react';
import type { CompiledField } from '../../core/index.ts';
import type { JsonValue } from '../../core/formula/index.ts';
import type { RendererLocale } from '../messages.ts';

export interface OrgUser {
  id: string;
  label: string;
}

export interface OrgDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

/** One uploaded file as stored in an attachment field. */
export interface AttachmentValue {
  id: string;
  name: string;
  size: number;
  type: string;
}

/**
 * What the renderer needs from the outside world; the web app passes implementations over its
 * API client. runtime/react itself never talks to a server.
 */
export interface RendererServices {
  searchUsers?(q: string): Promise<OrgUser[]>;
  lookupUsers?(ids: string[]): Promise<OrgUser[]>;
  listDepartments?(): Promise<OrgDepartment[]>;
  uploadFile?(file: File): Promise<AttachmentValue>;
  /** same-origin URL of a stored file (previews are shown only for png/jpeg/gif) */
  fileUrl?(id: string): string;
}

export interface RendererSettings {
  locale: RendererLocale;
  services: RendererServices;
  /** phone layout: table rows become cards */
  isNarrow: boolean;
  /** read-only render (record detail) */
  isViewOnly: boolean;
}

export const RendererContext = createContext<RendererSettings>({
  locale: 'en',
  services: {},
  isNarrow: false,
  isViewOnly: false,
});

export const useRenderer = (): RendererSettings => useContext(RendererContext);

export interface WidgetProps {
  id: string;
  field: CompiledField;
  value: JsonValue;
  onChange: (value: unknown) => void;
  isReadOnly: boolean;
  hasError: boolean;
  /** rendered inside a table cell: compact, no extra chrome */
  isCell?: boolean;
  /** Enter in a scan field (the table moves to the next row, the header to the next field) */
  onEnterKey?: (event: KeyboardEvent) => void;
}
