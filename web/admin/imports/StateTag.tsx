import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportState } from './api.ts';

const COLOR: Record<ImportState, string> = {
  uploaded: 'default',
  validating: 'processing',
  validated: 'blue',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  undoing: 'processing',
  undone: 'default',
};

export function StateTag({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[state]}>{t(`imports.state.${state}`)}</Tag>;
}
