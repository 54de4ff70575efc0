import type { TFunction } from 'i18next';
import type { ReportWarning } from '../excel-import/report.ts';

// The importer states its evidence in English; the review screen shows it in the UI language.
const REASON_KEYS: Record<string, string> = {
  default: 'default',
  'number format': 'numberFormat',
  'header words': 'headerWords',
  'number format and header words': 'numberFormatAndHeaderWords',
  'sample values': 'sampleValues',
  'data-validation list': 'validationList',
  'a multi-row input area': 'multiRowArea',
};

/** Why the importer chose a field's type, in the UI language (unknown reasons as they came). */
export function reasonText(t: TFunction, because: string): string {
  const key = REASON_KEYS[because];
  return key ? t(`templateImport.reason.${key}`) : because;
}

/** A short title for a warning's code, in the UI language; the importer's message stays the detail. */
export function warningTitle(t: TFunction, warning: ReportWarning): string {
  return t(`templateImport.warningCode.${warning.code}`, { defaultValue: warning.code });
}
