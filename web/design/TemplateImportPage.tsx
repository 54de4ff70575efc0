import { Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TemplateReview } from '../../builder/template-review/index.ts';
import type { SaveOutcome } from '../../builder/template-review/index.ts';
import { toUiLanguage } from '../i18n/index.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { templateReviewServices } from './api.ts';

/** `/design/import`: an Excel/CSV template becomes a form after review. */
export function TemplateImportPage() {
  const { t, i18n } = useTranslation();
  const services = useMemo(() => templateReviewServices(t), [t]);
  const locale = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  const doneActions = (outcome: SaveOutcome) => (
    <>
      {outcome.status === 'published' && (
        <Link to={`/apps/forms/${encodeURIComponent(outcome.formId)}/new`} data-testid="template-fill-link">
          <Button type="primary">{t('design.fillIn')}</Button>
        </Link>
      )}
      <Link to="/design" data-testid="template-design-link">
        <Button>{t('design.backToForms')}</Button>
      </Link>
    </>
  );
  return (
    <div data-testid="template-import-page">
      <PageHeader
        title={t('design.importTitle')}
        extra={<Link to="/design">{t('design.backToForms')}</Link>}
      />
      <TemplateReview services={services} locale={locale} renderDoneActions={doneActions} />
    </div>
  );
}
