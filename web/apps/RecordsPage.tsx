import { DownloadOutlined, FileAddOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Dropdown,
  Flex,
  Input,
  InputNumber,
  Popover,
  Select,
  Space,
  Table,
  Tabs,
} from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CompiledForm } from '../../runtime/core/index.ts';
import type { JsonValue } from '../../runtime/core/formula/index.ts';
import { displayValue } from '../../runtime/react/index.ts';
import { LoadMore } from '../admin/LoadMore.tsx';
import { useCursorList } from '../admin/useCursorList.ts';
import { toUiLanguage } from '../i18n/index.ts';
import { useIsMobile } from '../layout/useIsMobile.ts';
import { useReportError } from '../lib/useReportError.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { listRecords, recordsExportUrl } from './api.ts';
import type { FormRecord, FormSummary, RecordScope } from './api.ts';
import {
  buildFilter,
  defaultColumns,
  filterKindOf,
  listableFields,
  loadColumns,
  saveColumns,
} from './recordColumns.ts';
import { StatusTag } from './StatusTag.tsx';
import { WithCompiledForm } from './WithCompiledForm.tsx';

/** `/apps/forms/:formId/records?scope=mine|all` */
export function RecordsPage() {
  const { formId = '' } = useParams();
  return (
    <WithCompiledForm formId={formId}>
      {(ready) => <RecordsList key={formId} form={ready.form} compiled={ready.compiled} />}
    </WithCompiledForm>
  );
}

function RecordsList({ form, compiled }: { form: FormSummary; compiled: CompiledForm }) {
  const { t, i18n } = useTranslation();
  const locale = toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
  const report = useReportError();
  const navigate = useNavigate();
  const isNarrow = useIsMobile();
  const [params, setParams] = useSearchParams();
  const canSeeAll = form.access.canViewAll;
  const scope: RecordScope = params.get('scope') === 'all' && canSeeAll ? 'all' : 'mine';
  const [draftFilters, setDraftFilters] = useState<Record<string, unknown>>({});
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [columns, setColumns] = useState<string[]>(
    () => loadColumns(form.id) ?? defaultColumns(compiled, form.indexedFields),
  );

  const filter = useMemo(() => buildFilter(compiled, filters), [compiled, filters]);
  const queryKey = JSON.stringify({ scope, filter, sort });
  const fetchPage = useCallback(
    (cursor: string | null) => listRecords(form.id, { scope, filter, sort, cursor, limit: 50 }),
    [form.id, scope, filter, sort],
  );
  const list = useCursorList<FormRecord>({ queryKey, fetchPage, onError: report });

  const fields = listableFields(compiled);
  const labelOf = (key: string) =>
    key === 'status'
      ? t('records.status')
      : key === 'createdAt'
        ? t('records.createdAt')
        : (compiled.fields[key]?.label ?? key);
  const cellText = (record: FormRecord, key: string): string => {
    if (key === 'status') return t(`records.statusNames.${record.status}`, { defaultValue: record.status });
    if (key === 'createdAt') return new Date(record.createdAt).toLocaleString(locale);
    const field = compiled.fields[key];
    return field ? displayValue(field, (record.data[key] ?? null) as JsonValue, locale) : '';
  };
  const isSortable = (key: string) =>
    key === 'createdAt' || key === 'status' || form.indexedFields.includes(key);

  const tableColumns: TableProps<FormRecord>['columns'] = columns.map((key) => ({
    key,
    dataIndex: key,
    title: labelOf(key),
    sorter: isSortable(key),
    ellipsis: true,
    render: (_: unknown, record: FormRecord) =>
      key === 'status' ? <StatusTag status={record.status} /> : cellText(record, key),
  }));
  tableColumns.push({
    key: 'open',
    title: '',
    width: 80,
    render: (_: unknown, record: FormRecord) => (
      <Link to={`/apps/records/${encodeURIComponent(record.id)}`} data-testid="open-record">
        {t('records.open')}
      </Link>
    ),
  });

  const onTableChange: TableProps<FormRecord>['onChange'] = (_p, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!one?.order || typeof one.columnKey !== 'string') setSort(undefined);
    else setSort(`${one.order === 'descend' ? '-' : ''}${one.columnKey}`);
  };

  const exportItems = (['xlsx', 'csv'] as const).map((format) => ({
    key: format,
    label: (
      <a
        href={recordsExportUrl(form.id, { scope, filter, sort, format, columns, lang: locale })}
        download
        data-testid={`export-${format}`}
      >
        {t(`records.export.${format}`)}
      </a>
    ),
  }));

  const chooser = (
    <Checkbox.Group
      value={columns}
      onChange={(next) => {
        const ordered = [...fields.map((f) => f.key), 'status', 'createdAt'].filter((key) =>
          next.includes(key),
        );
        setColumns(ordered);
        saveColumns(form.id, ordered);
      }}
    >
      <Flex vertical gap={4} data-testid="column-chooser">
        {[...fields.map((f) => f.key), 'status', 'createdAt'].map((key) => (
          <Checkbox key={key} value={key}>
            {labelOf(key)}
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );

  const setFilterValue = (key: string, value: unknown) =>
    setDraftFilters((prev) => ({ ...prev, [key]: value }));
  const filterControls = form.indexedFields
    .map((key) => compiled.fields[key])
    .filter((f) => f !== undefined && f.tableKey === null)
    .map((field) => {
      const kind = filterKindOf(field);
      const value = draftFilters[field.key];
      const label = field.label;
      if (kind === 'number') {
        const [from, to] = (Array.isArray(value) ? value : [null, null]) as [number | null, number | null];
        return (
          <Space.Compact key={field.key}>
            <InputNumber
              placeholder={`${label} ≥`}
              value={from}
              onChange={(v) => setFilterValue(field.key, [v, to])}
              style={{ width: 130 }}
            />
            <InputNumber
              placeholder="≤"
              value={to}
              onChange={(v) => setFilterValue(field.key, [from, v])}
              style={{ width: 100 }}
            />
          </Space.Compact>
        );
      }
      if (kind === 'date') {
        const range = (Array.isArray(value) ? value : [null, null]) as [string | null, string | null];
        return (
          <DatePicker.RangePicker
            key={field.key}
            placeholder={[label, label]}
            onChange={(dates: [Dayjs | null, Dayjs | null] | null) =>
              setFilterValue(
                field.key,
                dates
                  ? [dates[0]?.format('YYYY-MM-DD') ?? null, dates[1]?.format('YYYY-MM-DD') ?? null]
                  : [null, null],
              )
            }
            data-range={range.join('~')}
          />
        );
      }
      if (kind === 'choice' && 'options' in field) {
        return (
          <Select
            key={field.key}
            allowClear
            placeholder={label}
            style={{ minWidth: 160 }}
            value={value as string | undefined}
            options={field.options.map((o) => ({ value: o.value, label: o.label }))}
            onChange={(v) => setFilterValue(field.key, v)}
          />
        );
      }
      if (kind === 'boolean') {
        return (
          <Select
            key={field.key}
            allowClear
            placeholder={label}
            style={{ minWidth: 120 }}
            value={value as boolean | undefined}
            options={[
              { value: true, label: t('records.yes') },
              { value: false, label: t('records.no') },
            ]}
            onChange={(v) => setFilterValue(field.key, v)}
          />
        );
      }
      return (
        <Input
          key={field.key}
          allowClear
          placeholder={label}
          style={{ width: 180 }}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => setFilterValue(field.key, e.target.value)}
          onPressEnter={() => setFilters(draftFilters)}
          data-testid={`filter-${field.key}`}
        />
      );
    });

  return (
    <div data-testid="records-page">
      <PageHeader
        title={form.title}
        extra={
          <>
            {form.access.canSubmit && (
              <Link to={`/apps/forms/${encodeURIComponent(form.id)}/new`}>
                <Button type="primary" icon={<FileAddOutlined />}>
                  {t('records.new')}
                </Button>
              </Link>
            )}
            <Popover content={chooser} trigger="click" title={t('records.columns')} placement="bottomRight">
              <Button icon={<SettingOutlined />} data-testid="choose-columns">
                {t('records.columns')}
              </Button>
            </Popover>
            <Dropdown menu={{ items: exportItems }} trigger={['click']}>
              <Button icon={<DownloadOutlined />} data-testid="export-records">
                {t('records.export.button')}
              </Button>
            </Dropdown>
          </>
        }
      />
      <Tabs
        activeKey={scope}
        onChange={(key) => setParams(key === 'all' ? { scope: 'all' } : {})}
        items={[
          { key: 'mine', label: t('apps.myRecords') },
          ...(canSeeAll ? [{ key: 'all', label: t('apps.allRecords') }] : []),
        ]}
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="record-filters">
        {filterControls}
        <Select
          allowClear
          placeholder={t('records.status')}
          style={{ minWidth: 120 }}
          value={draftFilters.status as string | undefined}
          options={['draft', 'submitted'].map((s) => ({ value: s, label: t(`records.statusNames.${s}`) }))}
          onChange={(v) => setFilterValue('status', v)}
        />
        <Button type="primary" onClick={() => setFilters(draftFilters)} data-testid="apply-filters">
          {t('records.applyFilters')}
        </Button>
        <Button
          onClick={() => {
            setDraftFilters({});
            setFilters({});
          }}
        >
          {t('records.resetFilters')}
        </Button>
      </Flex>
      <Table<FormRecord>
        rowKey="id"
        size="middle"
        data-testid="records-table"
        loading={list.isLoading}
        dataSource={list.items}
        columns={tableColumns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={onTableChange}
        onRow={(record) => {
          const open = () => navigate(`/apps/records/${encodeURIComponent(record.id)}`);
          // on a phone the Open link may be scrolled off to the right: the whole row opens the record
          return isNarrow ? { onClick: open, style: { cursor: 'pointer' } } : { onDoubleClick: open };
        }}
      />
      <LoadMore
        hasMore={list.hasMore}
        isLoading={list.isLoadingMore}
        onLoadMore={list.loadMore}
        testId="records-load-more"
      />
    </div>
  );
}
