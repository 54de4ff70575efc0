import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.tsx';

/** End-user workspace; the forms list arrives with a later issue. */
export default function AppsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="apps-page">
      <PageHeader title={t('apps.title')} />
      <Card>
        <Empty description={t('apps.empty')} />
      </Card>
    </div>
  );
}
