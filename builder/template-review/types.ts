import type { FieldType, FormDefinition } from '../../runtime/core/index.ts';
import type { RendererServices } from '../../runtime/react/index.ts';
import type { ImportReport } from '../excel-import/report.ts';

/** One sheet of the uploaded workbook, as `POST /imports/templates` lists it. */
export interface TemplateSheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
  isHidden: boolean;
  /** analysed in this answer */
  isSelected: boolean;
}

/** The answer of `POST /imports/templates`: a draft definition and its import report; nothing stored. */
export interface TemplateAnalysis {
  definition: FormDefinition;
  report: ImportReport;
  sheets: TemplateSheetInfo[];
  /** `xlsx`, `xls`, `ods`, `csv`… */
  format: string;
  /** CSV only: the encoding the server detected */
  encoding?: string;
}

/** A saved form, as much of it as the review screen needs. */
export interface SavedFormRef {
  id: string;
  /** the document version (optimistic concurrency), needed to publish */
  version: number;
}

/**
 * What the review screen needs from the outside world. The web app implements it over its
 * API client; builder code never talks to the server itself.
 */
export interface TemplateReviewServices {
  /** analyses `file`; `sheets` empty or absent lets the server pick */
  analyse(input: { file: File; sheets?: readonly string[] }): Promise<TemplateAnalysis>;
  createForm(input: { title: string; definition: FormDefinition }): Promise<SavedFormRef>;
  /** publishes the form's draft as its next version; resolves to the version number */
  publishForm(form: SavedFormRef): Promise<number>;
  /** one sentence for an error the services threw (the server's problem detail, a network error…) */
  describeError(error: unknown): string;
  /** member / department pickers and uploads in the preview */
  renderer?: RendererServices;
}

/** What the admin changed on one field; absent properties keep the imported value. */
export interface FieldEdit {
  label?: string;
  type?: FieldType;
  required?: boolean;
}

/** Edits by the field's place in the definition (`fields/9/columns/5`, as `walkFields` names it). */
export type FieldEdits = Readonly<Record<string, FieldEdit>>;
