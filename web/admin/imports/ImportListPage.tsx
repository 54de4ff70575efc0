import { InboxOutlined } from '@ant-design/icons';
import { Card, Flex, Select, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listAllForms, type FormSummary } from '../../apps/api.ts';
import { useReportError } from '../../lib/useReportError.ts';
import { PageHeader } from '../../pages/PageHeader.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { useCursorList } from '../useCursorList.ts';
import { listImports, uploadImport, type ImportJob } from './api.ts';
import { StateTag } from './StateTag.tsx';

const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv';

/** Start an import (pick a form, drop a file) and see earlier imports. */
export function ImportListPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const navigate = useNavigate();
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [formId, setFormId] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  useEffect(
    () =>
      void listAllForms().then(
        (all) => setForms(all.filter((f) => f.publishedVersion > 0 && f.grants)),
        report,
      ),
    [report],
  );
  const list = useCursorList<ImportJob>({
    queryKey: formId ?? '',
    fetchPage: (cursor) => listImports({ formId: formId ?? undefined, cursor }),
    onError: report,
  });
  const titleOf = new Map(forms.map((f) => [f.id, f.title]));

  const upload = async (file: File) => {
    if (!formId) return;
    setIsUploading(true);
    try {
      const job = await uploadImport(formId, file);
      navigate(`/admin/imports/${job.id}`);
    } catch (error) {
      report(error);
    } finally {
      setIsUploading(false);
    }
  };

  return (
    <div data-testid="imports-page">
      <PageHeader title={t('imports.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('imports.pickForm')}
            value={formId ?? undefined}
            onChange={setFormId}
            options={forms.map((f) => ({ value: f.id, label: f.title }))}
            style={{ maxWidth: 360 }}
            data-testid="import-form"
          />
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={!formId || isUploading}
            beforeUpload={(file) => (void upload(file), false)}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{formId ? t('imports.drop') : t('imports.pickFormFirst')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        </Flex>
      </Card>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('imports.file'),
            key: 'file',
            render: (_, job) => <Link to={`/admin/imports/${job.id}`}>{job.fileName}</Link>,
          },
          {
            title: t('imports.form'),
            key: 'form',
            render: (_, job) =>
              titleOf.get(job.formId) ?? <Typography.Text code>{job.formId}</Typography.Text>,
          },
          {
            title: t('imports.stateTitle'),
            key: 'state',
            width: 120,
            render: (_, job) => <StateTag state={job.state} />,
          },
          {
            title: t('imports.records'),
            key: 'records',
            width: 140,
            render: (_, job) =>
              job.summary
                ? `${job.summary.records} / ${job.summary.errorRecords} ${t('imports.errorsShort')}`
                : '',
          },
          {
            title: t('audit.time'),
            key: 'time',
            width: 170,
            render: (_, job) => dayjs(job.createdAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      <LoadMore
        hasMore={list.hasMore}
        isLoading={list.isLoadingMore}
        onLoadMore={list.loadMore}
        testId="imports-more"
      />
    </div>
  );
}
