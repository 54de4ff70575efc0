import { Button, Descriptions, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CompiledForm } from '../../runtime/core/index.ts';
import { FormRenderer } from '../../runtime/react/index.ts';
import { isApiProblem } from '../api/client.ts';
import { toUiLanguage } from '../i18n/index.ts';
import { useIsMobile } from '../layout/useIsMobile.ts';
import { problemText } from '../lib/problems.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { getRecord, rendererServices } from './api.ts';
import type { FormRecord, FormSummary } from './api.ts';
import { RecordHistory } from './RecordHistory.tsx';
import { StatusTag } from './StatusTag.tsx';
import { WithCompiledForm } from './WithCompiledForm.tsx';
import { useFormStore } from './useFormStore.ts';

/** `/apps/records/:recordId` — a record rendered read-only with the form version it was submitted with. */
export function RecordDetailPage() {
  const { recordId = '' } = useParams();
  const { t } = useTranslation();
  const [record, setRecord] = useState<FormRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    setRecord(null);
    getRecord(recordId)
      .then((r) => isCurrent && setRecord(r))
      .catch((e: unknown) => isCurrent && setError(e));
    return () => {
      isCurrent = false;
    };
  }, [recordId]);
  if (error)
    return (
      <Result
        status={isApiProblem(error) && error.status === 404 ? '404' : 'error'}
        subTitle={problemText(t, error)}
      />
    );
  if (!record) return <Skeleton active />;
  return <RecordWithVersion record={record} />;
}

function RecordWithVersion({ record }: { record: FormRecord }) {
  return (
    <WithCompiledForm formId={record.formId} versionNumber={record.formVersion}>
      {(ready) => <RecordView record={record} form={ready.form} compiled={ready.compiled} />}
    </WithCompiledForm>
  );
}

function RecordView({
  record,
  form,
  compiled,
}: {
  record: FormRecord;
  form: FormSummary;
  compiled: CompiledForm;
}) {
  const { t, i18n } = useTranslation();
  const locale = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  const isNarrow = useIsMobile();
  const store = useFormStore({ compiled, locale, values: record.data });
  return (
    <div data-testid="record-detail" data-record-id={record.id} style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={form.title}
        extra={
          <Link to={`/apps/forms/${encodeURIComponent(form.id)}/records`}>
            <Button>{t('record.backToList')}</Button>
          </Link>
        }
      />
      <Descriptions size="small" column={isNarrow ? 1 : 3} style={{ marginBottom: 16 }} bordered>
        <Descriptions.Item label={t('records.status')}>
          <StatusTag status={record.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('records.createdAt')}>
          {new Date(record.createdAt).toLocaleString(locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('record.formVersion')}>
          {t('record.versionN', { n: record.formVersion })}
        </Descriptions.Item>
      </Descriptions>
      <FormRenderer
        store={store}
        locale={locale}
        services={rendererServices}
        isNarrow={isNarrow}
        isViewOnly
      />
      <RecordHistory recordId={record.id} compiled={compiled} locale={locale} />
    </div>
  );
}
