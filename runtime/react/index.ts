/**
 * runtime/react: the renderer and thin hooks over runtime/core's FormSession. No server
 * imports: whatever needs the network comes in through `RendererServices`.
 */
export { FormRenderer } from './FormRenderer.tsx';
export type { FormRendererProps } from './FormRenderer.tsx';
export {
  SessionStoreContext,
  useColumnTotal,
  useErrorCount,
  useFieldErrors,
  useFieldState,
  useFieldValue,
  useSessionStore,
  useTableRows,
} from './hooks.ts';
export { SessionStore } from './store/session-store.ts';
export { pathKey, parsePath, fieldNameOf } from './store/paths.ts';
export { revealFirstError, sortErrors } from './errors.ts';
export { readDraft, writeDraft, clearDraft } from './drafts/local-drafts.ts';
export type { LocalDraft } from './drafts/local-drafts.ts';
export { useDraftAutosave } from './drafts/useDraftAutosave.ts';
export { displayValue, formatNumber, parseNumberText, numberFormatOf } from './format.ts';
export { parseTsv, coerceCell } from './table/paste.ts';
export { pasteBlock } from './table/paste-rows.ts';
export { VIRTUALIZE_FROM } from './table/LineItemTable.tsx';
export { WIDGETS, widgetFor } from './widgets/registry.ts';
export { isPreviewable } from './widgets/AttachmentWidget.tsx';
export { isPngDataUrl } from './widgets/SignatureWidget.tsx';
export { message } from './messages.ts';
export type { RendererLocale, MessageKey } from './messages.ts';
export type {
  AttachmentValue,
  OrgDepartment,
  OrgUser,
  RendererServices,
  RendererSettings,
  WidgetProps,
} from './widgets/types.ts';
