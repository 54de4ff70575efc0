export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'formwork.language';

/** Any language tag (`zh`, `zh-TW`, `en-GB`, …) mapped onto one of the catalogues. */
export function toUiLanguage(tag: string | undefined | null): UiLanguage {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
