import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, SUPPORTED_LANGUAGES } from '../i18n/index.ts';
import type { UiLanguage } from '../i18n/index.ts';

/** zh-CN / English; the choice overrides the browser language and is remembered. */
export function LanguageSwitch({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const items = SUPPORTED_LANGUAGES.map((code) => ({ key: code, label: languageName(t, code) }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: true,
        selectedKeys: [lang],
        onClick: ({ key }) => void chooseLanguage(key as UiLanguage),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="language-switch"
        aria-label={t('language.switch')}
      >
        {isCompact ? null : languageName(t, lang)}
      </Button>
    </Dropdown>
  );
}

export function languageName(t: (key: string) => string, code: UiLanguage): string {
  return code === 'zh-CN' ? t('language.zhCN') : t('language.en');
}
