import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CompiledForm } from '../../runtime/core/index.ts';
import {
  clearDraft,
  FormRenderer,
  readDraft,
  revealFirstError,
  useDraftAutosave,
} from '../../runtime/react/index.ts';
import type { LocalDraft } from '../../runtime/react/index.ts';
import { isApiProblem } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { toUiLanguage } from '../i18n/index.ts';
import { useIsMobile } from '../layout/useIsMobile.ts';
import { problemText } from '../lib/problems.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { createRecord, rendererServices } from './api.ts';
import type { FormSummary } from './api.ts';
import { rememberForm } from './recent.ts';
import { WithCompiledForm } from './WithCompiledForm.tsx';
import { useFormStore } from './useFormStore.ts';

/** `/apps/forms/:formId/new` — fill in the latest published version of a form. */
export function FormFillPage() {
  const { formId = '' } = useParams();
  return (
    <WithCompiledForm formId={formId}>
      {(ready) => (
        <FormFill key={`${formId}@${ready.versionNumber}`} form={ready.form} compiled={ready.compiled} />
      )}
    </WithCompiledForm>
  );
}

function FormFill({ form, compiled }: { form: FormSummary; compiled: CompiledForm }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { state: auth } = useAuth();
  const user = auth.user;
  const locale = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  const isNarrow = useIsMobile();
  const root = useRef<HTMLDivElement>(null);
  const draftKey = `${user?.id ?? 'anonymous'}.${form.id}`;
  const [offer, setOffer] = useState<LocalDraft | null>(() => readDraft(draftKey));
  const [seed, setSeed] = useState<{ n: number; values?: Record<string, unknown> }>({ n: 0 });
  const [busy, setBusy] = useState<'submitted' | 'draft' | null>(null);
  const context = useMemo(
    () => ({
      userId: user?.id ?? null,
      userName: user?.displayName ?? null,
      departmentId: user?.departmentId ?? null,
    }),
    [user],
  );
  const store = useFormStore({ compiled, locale, values: seed.values, context, seed: seed.n, isNew: true });
  useDraftAutosave({ store, key: offer ? null : draftKey });
  useEffect(() => rememberForm(form.id), [form.id]);

  const restore = () => {
    if (!offer) return;
    setSeed((s) => ({ n: s.n + 1, values: offer.values }));
    setOffer(null);
  };
  const discard = () => {
    clearDraft(draftKey);
    setOffer(null);
  };

  const save = async (status: 'submitted' | 'draft') => {
    if (status === 'submitted') {
      const errors = store.session.validate();
      if (errors.length > 0) {
        if (root.current) revealFirstError(store, root.current);
        void message.error(t('form.fixErrors', { count: errors.length }));
        return;
      }
    }
    setBusy(status);
    try {
      const record = await createRecord(form.id, store.session.toSubmission(), status);
      clearDraft(draftKey);
      void message.success(t(status === 'draft' ? 'form.draftSaved' : 'form.submitted'));
      navigate(`/apps/records/${encodeURIComponent(record.id)}`);
    } catch (error) {
      if (isApiProblem(error) && error.status === 422 && error.errors.length > 0) {
        store.setServerErrors(error.errors);
        if (root.current) revealFirstError(store, root.current);
      }
      void message.error(problemText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const actions = (
    <Space wrap>
      <Button
        icon={<SaveOutlined />}
        loading={busy === 'draft'}
        disabled={busy !== null}
        onClick={() => void save('draft')}
        data-testid="save-draft"
      >
        {t('form.saveDraft')}
      </Button>
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={busy === 'submitted'}
        disabled={busy !== null}
        onClick={() => void save('submitted')}
        data-testid="submit-record"
      >
        {t('form.submit')}
      </Button>
    </Space>
  );

  return (
    <div
      ref={root}
      data-testid="form-fill-page"
      style={{ maxWidth: 1200, margin: '0 auto', paddingBottom: isNarrow ? 72 : 0 }}
    >
      <PageHeader
        title={form.title}
        extra={<Link to={`/apps/forms/${encodeURIComponent(form.id)}/records`}>{t('apps.myRecords')}</Link>}
      />
      {typeof compiled.jsonSchema.description === 'string' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {compiled.jsonSchema.description}
        </Typography.Paragraph>
      )}
      {offer && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-offer"
          style={{ marginBottom: 16 }}
          title={t('form.restoreTitle')}
          description={t('form.restoreText', { time: new Date(offer.savedAt).toLocaleString(locale) })}
          action={
            <Space direction={isNarrow ? 'vertical' : 'horizontal'}>
              <Button size="small" type="primary" onClick={restore} data-testid="draft-restore">
                {t('form.restore')}
              </Button>
              <Button size="small" onClick={discard} data-testid="draft-discard">
                {t('form.discard')}
              </Button>
            </Space>
          }
        />
      )}
      <FormRenderer store={store} locale={locale} services={rendererServices} isNarrow={isNarrow} />
      <Flex
        justify="flex-end"
        style={
          isNarrow
            ? {
                position: 'fixed',
                left: 0,
                right: 0,
                bottom: 0,
                padding: '10px 12px',
                background: '#fff',
                borderTop: '1px solid #f0f0f0',
                zIndex: 20,
              }
            : { marginTop: 8 }
        }
      >
        {actions}
      </Flex>
    </div>
  );
}
