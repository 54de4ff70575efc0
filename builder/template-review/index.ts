/**
 * Template review: the designer-side screen for `POST /imports/templates` (upload, sheets,
 * review with a live preview, save). Composed by the web app, which supplies the services.
 */
export { TemplateReview } from './TemplateReview.tsx';
export type { TemplateReviewProps } from './TemplateReview.tsx';
export { TEMPLATE_ACCEPT } from './UploadStep.tsx';
export { applyEdits, applyFieldEdit, fieldAt, withFieldEdit } from './edits.ts';
export { buildFieldTree, flattenRows, rowAtPath } from './field-tree.ts';
export type { FieldRow, RowKind } from './field-tree.ts';
export { canBeRequired, convertFieldType, typeChoices, typeChoicesOf } from './field-types.ts';
export type { ChoiceContext } from './field-types.ts';
export { referencedNames } from './references.ts';
export { compilePreview } from './preview.ts';
export type { PreviewProblem, PreviewResult } from './preview.ts';
export { saveReviewed } from './save.ts';
export type { SaveOutcome } from './save.ts';
export type {
  FieldEdit,
  FieldEdits,
  SavedFormRef,
  TemplateAnalysis,
  TemplateReviewServices,
  TemplateSheetInfo,
} from './types.ts';
