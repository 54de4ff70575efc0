/**
 * Excel template import: a parsed workbook → a draft FormDefinition plus an import
 * report. Headless on purpose (no React, no Node-only API): the server runs it on
 * uploads (`server/imports/`), the designer's review screen shows its report.
 */
export { importTemplate, TemplateImportError } from './import-template.ts';
export type { TemplateImport, TemplateImportOptions } from './import-template.ts';
export type { ImportReport, ReportElement, ReportWarning, WarningCode, ElementKind } from './report.ts';
export type {
  TemplateWorkbook,
  TemplateSheet,
  TemplateCell,
  DataValidation,
  DefinedName,
  CellValue,
} from './sheet-model.ts';
export type { CellPos, CellRange } from './cell-address.ts';
export { isUnsafeName } from './keys.ts';
export { encodeCell, decodeCell, decodeRange, encodeRange, columnName } from './cell-address.ts';
