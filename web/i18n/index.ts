import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import { LANGUAGE_STORAGE_KEY, SUPPORTED_LANGUAGES, toUiLanguage } from './languages.ts';
import type { UiLanguage } from './languages.ts';

export { LANGUAGE_STORAGE_KEY, SUPPORTED_LANGUAGES, toUiLanguage };
export type { UiLanguage };

const DAYJS_LOCALE: Record<UiLanguage, string> = { 'zh-CN': 'zh-cn', en: 'en' };

// registered before init so the detected language also sets dayjs and <html lang>
i18n.on('languageChanged', (lng) => {
  const lang = toUiLanguage(lng);
  dayjs.locale(DAYJS_LOCALE[lang]);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
});

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    supportedLngs: [...SUPPORTED_LANGUAGES],
    fallbackLng: 'en',
    load: 'currentOnly',
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // only an explicit choice in the language switch is remembered
      caches: [],
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export const currentLanguage = (): UiLanguage => toUiLanguage(i18n.resolvedLanguage ?? i18n.language);

/** The language switch: overrides the browser language and is remembered in localStorage. */
export async function chooseLanguage(lang: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
  await i18n.changeLanguage(lang);
}

export default i18n;
