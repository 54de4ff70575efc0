import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../lib/useReportError.ts';
import { errorReportUrl, listErrors, listOutcomes, type ImportJob, type RowErrorDto } from './api.ts';

const PAGE = 50;
const OUTCOME_COLOR: Record<string, string> = {
  insert: 'green',
  update: 'blue',
  skip: 'default',
  error: 'red',
};

/** The last dry run: counts, the error report (also as .xlsx) and the outcome of every record. */
export function ResultsPanel({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const report = useReportError();
  const summary = job.summary!;
  const [view, setView] = useState<'errors' | 'rows'>('errors');
  const [outcome, setOutcome] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<{ items: RowErrorDto[]; total: number }>({ items: [], total: 0 });
  const [rows, setRows] = useState<{
    items: { row: number; outcome: string; reason: string | null }[];
    total: number;
  }>({ items: [], total: 0 });

  useEffect(() => {
    const offset = (page - 1) * PAGE;
    if (view === 'errors') listErrors(job.id, offset, PAGE).then(setErrors, report);
    else listOutcomes(job.id, offset, PAGE, outcome === 'all' ? undefined : outcome).then(setRows, report);
  }, [job.id, job.version, view, page, outcome, report]);

  return (
    <div data-testid="import-results">
      <Flex wrap gap={32} style={{ marginBottom: 16 }}>
        <Statistic title={t('imports.records')} value={summary.records} />
        <Statistic title={t('imports.inserts')} value={summary.inserts} />
        <Statistic title={t('imports.updates')} value={summary.updates} />
        <Statistic title={t('imports.skips')} value={summary.skips} />
        <Statistic
          title={t('imports.errorRecords')}
          value={summary.errorRecords}
          valueStyle={summary.errorRecords ? { color: '#cf1322' } : undefined}
        />
        <Statistic
          title={t('imports.errorRate')}
          value={Math.round(summary.errorRate * 10000) / 100}
          suffix="%"
        />
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => (setView(v as 'errors' | 'rows'), setPage(1))}
          options={[
            { value: 'errors', label: t('imports.errorList') },
            { value: 'rows', label: t('imports.rowOutcomes') },
          ]}
        />
        {view === 'rows' && (
          <Segmented
            value={outcome}
            onChange={(v) => (setOutcome(String(v)), setPage(1))}
            options={['all', 'insert', 'update', 'skip', 'error'].map((v) => ({
              value: v,
              label: t(`imports.outcome.${v}`),
            }))}
          />
        )}
        <Button
          icon={<DownloadOutlined />}
          href={errorReportUrl(job.id)}
          disabled={summary.errors === 0}
          data-testid="download-errors"
        >
          {t('imports.downloadErrors')}
        </Button>
      </Flex>
      {view === 'errors' ? (
        <Table<RowErrorDto>
          size="small"
          rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.rule}`}
          dataSource={errors.items}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: errors.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          scroll={{ x: 720 }}
          columns={[
            { title: t('imports.row'), key: 'row', width: 90, render: (_, e) => `${e.sheet} ${e.row}` },
            {
              title: t('imports.column'),
              key: 'column',
              width: 140,
              render: (_, e) => (e.column ? `${e.column} ${e.header ?? ''}` : (e.header ?? '')),
            },
            {
              title: t('imports.value'),
              dataIndex: 'value',
              key: 'value',
              ellipsis: true,
              render: (v) => <Typography.Text code>{v === null ? '' : String(v)}</Typography.Text>,
            },
            {
              title: t('imports.rule'),
              dataIndex: 'rule',
              key: 'rule',
              width: 160,
              render: (r: string) => <Tag>{r}</Tag>,
            },
            { title: t('imports.message'), dataIndex: 'message', key: 'message' },
          ]}
        />
      ) : (
        <Table
          size="small"
          rowKey="row"
          dataSource={rows.items}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: rows.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 90 },
            {
              title: t('imports.outcomeTitle'),
              dataIndex: 'outcome',
              key: 'outcome',
              width: 120,
              render: (o: string) => <Tag color={OUTCOME_COLOR[o]}>{t(`imports.outcome.${o}`)}</Tag>,
            },
            { title: t('imports.message'), dataIndex: 'reason', key: 'reason' },
          ]}
        />
      )}
    </div>
  );
}
