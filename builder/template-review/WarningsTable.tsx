import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportWarning } from '../excel-import/report.ts';
import { warningTitle } from './report-text.ts';

/** Every warning of the import report with the cell it is about. */
export function WarningsTable({ warnings }: { warnings: readonly ReportWarning[] }) {
  const { t } = useTranslation();
  return (
    <Table<ReportWarning & { index: number }>
      rowKey="index"
      size="small"
      pagination={warnings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={warnings.map((warning, index) => ({ ...warning, index }))}
      locale={{ emptyText: t('templateImport.noWarnings') }}
      scroll={{ x: 480 }}
      data-testid="review-warnings"
      columns={[
        {
          title: t('templateImport.cell'),
          dataIndex: 'cell',
          width: 160,
          render: (cell: string) => (cell ? <Typography.Text code>{cell}</Typography.Text> : '—'),
        },
        {
          title: t('templateImport.message'),
          key: 'message',
          render: (_, warning) => (
            <>
              <Tag data-code={warning.code}>{warningTitle(t, warning)}</Tag>
              <Typography.Text>{warning.message}</Typography.Text>
            </>
          ),
        },
      ]}
    />
  );
}
