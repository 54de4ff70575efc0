import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.tsx';

/** Form designer entry; the designer, Excel import and bpmn-js load here in later issues. */
export default function DesignPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="design-page">
      <PageHeader title={t('design.title')} />
      <Card>
        <Empty description={t('design.empty')} />
      </Card>
    </div>
  );
}
