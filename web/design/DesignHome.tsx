import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAllForms } from '../apps/api.ts';
import type { FormSummary } from '../apps/api.ts';
import { useReportError } from '../lib/useReportError.ts';
import { PageHeader } from '../pages/PageHeader.tsx';

/** `/design`: the forms I manage, and the way in to the Excel template import. */
export function DesignHome() {
  const { t } = useTranslation();
  const report = useReportError();
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    listAllForms()
      .then((list) => isCurrent && setForms(list.filter((f) => f.access.canManage && !f.isArchived)))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setForms([]);
        report(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [report]);

  const importButton = (
    <Link to="/design/import" data-testid="design-import">
      <Button type="primary" icon={<FileExcelOutlined />}>
        {t('design.importExcel')}
      </Button>
    </Link>
  );
  return (
    <div data-testid="design-page">
      <PageHeader title={t('design.title')} extra={importButton} />
      <Card styles={{ body: { padding: forms?.length ? 0 : undefined } }}>
        {forms !== null && forms.length === 0 ? (
          <Empty description={t('design.empty')} />
        ) : (
          <Table<FormSummary>
            rowKey="id"
            size="middle"
            loading={forms === null}
            dataSource={forms ?? []}
            pagination={false}
            scroll={{ x: 480 }}
            onRow={(form) => ({ 'data-form-id': form.id }) as HTMLAttributes<HTMLElement>}
            data-testid="design-forms"
            columns={[
              {
                title: t('design.form'),
                dataIndex: 'title',
                render: (title: string) => <Typography.Text strong>{title}</Typography.Text>,
              },
              {
                title: t('design.status'),
                key: 'status',
                width: 150,
                render: (_, form) =>
                  form.publishedVersion > 0 ? (
                    <Tag color="green" data-testid="form-status">
                      {t('design.published', { version: form.publishedVersion })}
                    </Tag>
                  ) : (
                    <Tag data-testid="form-status">{t('design.draft')}</Tag>
                  ),
              },
              {
                title: t('design.updated'),
                dataIndex: 'updatedAt',
                width: 170,
                render: (at?: string) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                render: (_, form) =>
                  form.publishedVersion > 0 ? (
                    <Link to={`/apps/forms/${encodeURIComponent(form.id)}/new`}>{t('design.fillIn')}</Link>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
