import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="record-status">
      {t(`records.statusNames.${status}`, { defaultValue: status })}
    </Tag>
  );
}
