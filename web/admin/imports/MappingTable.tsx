import { Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMatch, Rule } from '../../../builder/excel-import/cleansing/index.ts';
import type { FieldInfo, SheetPreview } from './api.ts';
import { RulesEditor } from './RulesEditor.tsx';

interface Row {
  column: number;
  header: string;
  samples: string;
  match: ColumnMatch | undefined;
}

const letter = (index: number): string => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** One row per source column: sample values, the proposed field with its confidence, manual override, cleansing rules. */
export function MappingTable(props: {
  sheet: SheetPreview | undefined;
  headerRow: number;
  headers: string[];
  suggested: ColumnMatch[];
  fields: FieldInfo[];
  targets: Record<number, string | null>;
  rules: Record<number, Rule[]>;
  onTarget: (column: number, field: string | null) => void;
  onRules: (column: number, rules: Rule[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { sheet, headers, fields, targets, rules } = props;
  const tableLabel = new Map(fields.filter((f) => f.type === 'table').map((f) => [f.key, f.label]));
  const options = fields
    .filter((f) => f.type !== 'table')
    .map((f) => ({
      value: f.name,
      label: f.table ? `${tableLabel.get(f.table) ?? f.table} › ${f.label}` : f.label,
      title: f.key,
    }));
  const rows: Row[] = headers.map((header, column) => ({
    column,
    header,
    samples: (sheet?.sample ?? [])
      .filter((r) => r.row > props.headerRow)
      .slice(0, 3)
      .map((r) => r.cells[column])
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(String)
      .join(' · '),
    match: props.suggested.find((m) => m.column === column),
  }));
  const columns: TableColumnsType<Row> = [
    {
      title: t('imports.column'),
      key: 'column',
      width: 180,
      render: (_, row) => (
        <span>
          <Typography.Text code>{letter(row.column)}</Typography.Text> {row.header}
        </span>
      ),
    },
    {
      title: t('imports.samples'),
      dataIndex: 'samples',
      key: 'samples',
      ellipsis: true,
      render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
    },
    {
      title: t('imports.field'),
      key: 'field',
      width: 240,
      render: (_, row) => (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          placeholder={t('imports.notImported')}
          value={targets[row.column] ?? undefined}
          options={options}
          onChange={(value) => props.onTarget(row.column, value ?? null)}
          data-testid={`map-${row.column}`}
        />
      ),
    },
    {
      title: t('imports.confidence'),
      key: 'confidence',
      width: 130,
      render: (_, row) => {
        const m = row.match;
        if (!m?.field || m.field !== targets[row.column])
          return targets[row.column] ? <Tag>{t('imports.manual')}</Tag> : null;
        const color = m.confidence >= 0.9 ? 'green' : m.confidence >= 0.7 ? 'blue' : 'orange';
        return (
          <Tooltip title={t(`imports.method.${m.method ?? 'fuzzy'}`)}>
            <Tag color={color}>{Math.round(m.confidence * 100)}%</Tag>
          </Tooltip>
        );
      },
    },
    {
      title: t('imports.rules'),
      key: 'rules',
      width: 130,
      render: (_, row) =>
        targets[row.column] ? (
          <RulesEditor
            title={row.header}
            rules={rules[row.column] ?? []}
            onChange={(next) => props.onRules(row.column, next)}
          />
        ) : null,
    },
  ];
  return (
    <Table<Row>
      rowKey="column"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid={props.testId ?? 'mapping-table'}
    />
  );
}
