import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { reasonText, warningTitle } from '../../../builder/template-review/report-text.ts';
import type { WarningCode } from '../../../builder/excel-import/report.ts';
import en from '../../../web/i18n/en.json';
import zhCN from '../../../web/i18n/zh-CN.json';

const CODES: WarningCode[] = [
  'formula-not-translated',
  'external-reference',
  'formula-check-failed',
  'rounding-differs',
  'unsafe-name',
  'label-without-input',
  'input-without-label',
  'validation-ignored',
  'options-truncated',
  'sheet-too-long',
  'reader-note',
  'too-many-fields',
  'too-many-warnings',
];

async function translator(lng: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('import report text in the UI language', () => {
  it('titles every warning code in both languages', async () => {
    for (const lng of ['en', 'zh-CN'] as const) {
      const t = await translator(lng);
      const titles = CODES.map((code) => warningTitle(t, { cell: 'S!A1', code, message: 'm' }));
      expect(titles.filter((title, i) => title === CODES[i])).toEqual([]);
    }
    const zh = await translator('zh-CN');
    expect(warningTitle(zh, { cell: 'S!A1', code: 'external-reference', message: 'm' })).toBe(
      '引用了其他工作簿',
    );
  });

  it('translates the importer’s type evidence and passes unknown reasons through', async () => {
    const zh = await translator('zh-CN');
    expect(reasonText(zh, 'number format')).toBe('数字格式');
    expect(reasonText(zh, 'data-validation list')).toBe('数据验证列表');
    expect(reasonText(zh, 'something new')).toBe('something new');
    const enT = await translator('en');
    expect(reasonText(enT, 'header words')).toBe('header words');
  });
});
