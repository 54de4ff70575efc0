import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from './problems.ts';

/** `report(error)` shows any API error as an antd message in the current language. */
export function useReportError(): (error: unknown) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback((error: unknown) => void message.error(problemText(t, error)), [t, message]);
}
