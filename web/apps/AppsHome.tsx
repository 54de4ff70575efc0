import { FileAddOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportError } from '../lib/useReportError.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { listAllForms } from './api.ts';
import type { FormSummary } from './api.ts';
import { recentFormIds } from './recent.ts';

/** The Apps home: forms I may fill, recently used first, with a search box. */
export function AppsHome() {
  const { t } = useTranslation();
  const report = useReportError();
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    let isCurrent = true;
    listAllForms()
      .then((list) => isCurrent && setForms(list.filter((f) => f.publishedVersion > 0 && !f.isArchived)))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setForms([]);
        report(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [report]);

  const recent = useMemo(() => {
    const byId = new Map((forms ?? []).map((f) => [f.id, f]));
    return recentFormIds()
      .map((id) => byId.get(id))
      .filter((f): f is FormSummary => f !== undefined);
  }, [forms]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (forms ?? []).filter(
      (f) => !q || f.title.toLowerCase().includes(q) || (f.description ?? '').toLowerCase().includes(q),
    );
  }, [forms, query]);

  return (
    <div data-testid="apps-page">
      <PageHeader
        title={t('apps.title')}
        extra={
          <Input.Search
            allowClear
            placeholder={t('apps.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ maxWidth: 320 }}
            data-testid="apps-search"
          />
        }
      />
      {forms === null ? (
        <Skeleton active />
      ) : forms.length === 0 ? (
        <Card>
          <Empty description={t('apps.empty')} />
        </Card>
      ) : (
        <>
          {recent.length > 0 && !query && (
            <section style={{ marginBottom: 24 }}>
              <Typography.Title level={5}>{t('apps.recent')}</Typography.Title>
              <FormGrid forms={recent} testId="recent-forms" />
            </section>
          )}
          <section>
            <Typography.Title level={5}>{t('apps.allForms')}</Typography.Title>
            {shown.length === 0 ? (
              <Empty description={t('common.noMatch')} />
            ) : (
              <FormGrid forms={shown} testId="form-list" />
            )}
          </section>
        </>
      )}
    </div>
  );
}

function FormGrid({ forms, testId }: { forms: FormSummary[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid={testId}>
      {forms.map((form) => (
        <Col key={form.id} xs={24} sm={12} lg={8}>
          <Card size="small" data-testid="form-card" data-form-id={form.id} style={{ height: '100%' }}>
            <Flex vertical gap={8} style={{ height: '100%' }}>
              <Typography.Text strong ellipsis={{ tooltip: form.title }}>
                {form.title}
              </Typography.Text>
              {form.description && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {form.description}
                </Typography.Paragraph>
              )}
              <Flex gap={8} wrap style={{ marginTop: 'auto' }}>
                {form.access.canSubmit && (
                  <Link to={`/apps/forms/${encodeURIComponent(form.id)}/new`}>
                    <Button type="primary" size="small" icon={<FileAddOutlined />} data-testid="fill-form">
                      {t('apps.fill')}
                    </Button>
                  </Link>
                )}
                <Link to={`/apps/forms/${encodeURIComponent(form.id)}/records`}>
                  <Button size="small" icon={<UnorderedListOutlined />} data-testid="form-records">
                    {t('apps.records')}
                  </Button>
                </Link>
              </Flex>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
