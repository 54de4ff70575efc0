import { FunctionOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Input, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText, warningTitle } from './report-text.ts';
import type { FieldRow } from './field-tree.ts';
import type { FieldEdit } from './types.ts';

const KIND_COLORS: Record<string, string> = {
  section: 'purple',
  table: 'blue',
  total: 'green',
  description: 'default',
  columns: 'default',
};

/**
 * The detected fields as a tree (sections, tables with their columns): label, type and
 * required are editable; source cell, formula and the report's warnings are shown read-only.
 */
export function FieldsTable(props: {
  rows: FieldRow[];
  /** phone width: the source cell moves under the label */
  isNarrow: boolean;
  onEdit: (row: FieldRow, patch: FieldEdit) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FieldRow> = [
    {
      title: t('templateImport.label'),
      key: 'label',
      render: (_, row) => <LabelCell row={row} onEdit={props.onEdit} isNarrow={props.isNarrow} />,
    },
    {
      title: t('templateImport.type'),
      key: 'type',
      width: props.isNarrow ? 120 : 150,
      render: (_, row) =>
        row.typeChoices.length > 1 ? (
          <Select
            size="small"
            value={row.type}
            style={{ width: '100%', minWidth: 110 }}
            options={row.typeChoices.map((type) => ({
              value: type,
              label: t(`templateImport.types.${type}`),
            }))}
            onChange={(type) => props.onEdit(row, { type })}
            aria-label={t('templateImport.type')}
            data-testid={`review-type-${row.name}`}
          />
        ) : (
          <Typography.Text data-testid={`review-type-${row.name}`}>
            {t(`templateImport.types.${row.type}`)}
          </Typography.Text>
        ),
    },
    {
      title: t('templateImport.required'),
      key: 'required',
      width: props.isNarrow ? 64 : 80,
      align: 'center',
      render: (_, row) =>
        row.canRequire ? (
          <Switch
            size="small"
            checked={row.isRequired}
            onChange={(required) => props.onEdit(row, { required })}
            aria-label={t('templateImport.required')}
            data-testid={`review-required-${row.name}`}
          />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  if (!props.isNarrow) {
    columns.push({
      title: t('templateImport.source'),
      key: 'source',
      width: 150,
      render: (_, row) =>
        row.sourceCell ? <SourceCell row={row} /> : <Typography.Text type="secondary">—</Typography.Text>,
    });
  }
  return (
    <Table<FieldRow>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={props.rows}
      expandable={{ defaultExpandAllRows: true }}
      scroll={{ x: props.isNarrow ? 400 : 620 }}
      onRow={(row) => ({ 'data-name': row.name }) as HTMLAttributes<HTMLElement>}
      data-testid="review-fields"
    />
  );
}

function SourceCell({ row }: { row: FieldRow }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0}>
      <Typography.Text code data-testid={`review-source-${row.name}`}>
        {row.sourceCell}
      </Typography.Text>
      {row.because && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('templateImport.because', { reason: reasonText(t, row.because) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function LabelCell(props: {
  row: FieldRow;
  isNarrow: boolean;
  onEdit: (row: FieldRow, patch: FieldEdit) => void;
}) {
  const { row, onEdit } = props;
  const { t } = useTranslation();
  const isEmpty = row.label.trim() === '';
  return (
    <Flex vertical gap={4} style={{ minWidth: props.isNarrow ? 150 : 180 }}>
      <Flex gap={6} align="center">
        {row.kind !== 'field' && row.kind !== 'column' && (
          <Tag color={KIND_COLORS[row.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`templateImport.kinds.${row.kind}`)}
          </Tag>
        )}
        <Input
          size="small"
          value={row.label}
          status={isEmpty ? 'error' : undefined}
          maxLength={200}
          onChange={(e) => onEdit(row, { label: e.target.value })}
          aria-label={t('templateImport.labelOf', { key: row.name })}
          data-testid={`review-label-${row.name}`}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.name}
      </Typography.Text>
      {props.isNarrow && row.sourceCell && <SourceCell row={row} />}
      {row.formula && (
        <Tooltip title={t('templateImport.formulaHint')}>
          <Typography.Text style={{ fontSize: 12 }} data-testid={`review-formula-${row.name}`}>
            <FunctionOutlined /> <Typography.Text code>{`= ${row.formula}`}</Typography.Text>
          </Typography.Text>
        </Tooltip>
      )}
      {row.warnings.map((warning, i) => (
        <Typography.Text
          key={i}
          type="warning"
          style={{ fontSize: 12 }}
          data-testid={`review-warning-${row.name}`}
        >
          <WarningOutlined /> {warningTitle(t, warning)}: {warning.message}
        </Typography.Text>
      ))}
    </Flex>
  );
}
