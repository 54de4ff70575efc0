import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldInfo, SheetPreview } from './api.ts';
import type { ImportDraft } from './draft.ts';

/** Line items, duplicates, time zone, error threshold and record status of an import. */
export function OptionsPanel(props: {
  draft: ImportDraft;
  fields: FieldInfo[];
  sheets: SheetPreview[];
  onChange: (patch: Partial<ImportDraft>) => void;
  onItemSheet: (sheet: number | null) => void;
}) {
  const { t } = useTranslation();
  const { draft, fields, sheets, onChange } = props;
  const tables = fields.filter((f) => f.type === 'table');
  const keyOptions = fields
    .filter((f) => f.table === null && f.type !== 'table')
    .map((f) => ({ value: f.key, label: f.label }));
  const columnOptions = (headers: string[]) => headers.map((h, i) => ({ value: i, label: h }));
  const itemSheet = draft.itemSheet === null ? undefined : sheets[draft.itemSheet];
  return (
    <Form layout="vertical" style={{ maxWidth: 760 }} data-testid="import-options">
      {tables.length > 0 && (
        <Form.Item label={t('imports.lineItems')}>
          <Select
            value={draft.lineMode}
            onChange={(lineMode) => onChange({ lineMode, table: draft.table ?? tables[0].key })}
            options={[
              { value: 'none', label: t('imports.lineNone') },
              { value: 'repeated', label: t('imports.lineRepeated') },
              ...(sheets.length > 1 ? [{ value: 'sheet', label: t('imports.lineSheet') }] : []),
            ]}
          />
        </Form.Item>
      )}
      {draft.lineMode !== 'none' && (
        <>
          {tables.length > 1 && (
            <Form.Item label={t('imports.table')}>
              <Select
                value={draft.table ?? undefined}
                onChange={(table) => onChange({ table })}
                options={tables.map((f) => ({ value: f.key, label: f.label }))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('imports.keyColumn')} extra={t('imports.keyColumnHint')}>
            <Select
              value={draft.keyColumn ?? undefined}
              onChange={(keyColumn) => onChange({ keyColumn })}
              options={columnOptions(draft.headers)}
            />
          </Form.Item>
          {draft.lineMode === 'sheet' && (
            <>
              <Form.Item label={t('imports.itemSheet')}>
                <Select
                  value={draft.itemSheet ?? undefined}
                  onChange={(sheet) => props.onItemSheet(sheet)}
                  options={sheets
                    .filter((s) => s.index !== draft.sheet)
                    .map((s) => ({ value: s.index, label: s.name }))}
                />
              </Form.Item>
              {itemSheet && (
                <Form.Item label={t('imports.itemKeyColumn')}>
                  <Select
                    value={draft.itemKeyColumn ?? undefined}
                    onChange={(itemKeyColumn) => onChange({ itemKeyColumn })}
                    options={columnOptions(draft.itemHeaders)}
                  />
                </Form.Item>
              )}
            </>
          )}
        </>
      )}
      <Form.Item label={t('imports.keyFields')} extra={t('imports.keyFieldsHint')}>
        <Select
          mode="multiple"
          maxCount={5}
          value={draft.keyFields}
          onChange={(keyFields) => onChange({ keyFields })}
          options={keyOptions}
        />
      </Form.Item>
      {draft.keyFields.length > 0 && (
        <>
          <Form.Item label={t('imports.inFile')}>
            <Select
              value={draft.inFile}
              onChange={(inFile) => onChange({ inFile })}
              options={(['error', 'skip'] as const).map((v) => ({
                value: v,
                label: t(`imports.policy.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('imports.existing')}>
            <Select
              value={draft.existing}
              onChange={(existing) => onChange({ existing })}
              options={(['error', 'skip', 'update'] as const).map((v) => ({
                value: v,
                label: t(`imports.policy.${v}`),
              }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('imports.timeZone')} extra={t('imports.timeZoneHint')}>
        <Input
          value={draft.timeZone}
          onChange={(e) => onChange({ timeZone: e.target.value })}
          style={{ maxWidth: 260 }}
        />
      </Form.Item>
      <Form.Item label={t('imports.threshold')} extra={t('imports.thresholdHint')}>
        <InputNumber
          min={0}
          max={100}
          step={0.5}
          value={draft.thresholdPercent}
          onChange={(v) => onChange({ thresholdPercent: v ?? 0 })}
          addonAfter="%"
        />
      </Form.Item>
      <Form.Item label={t('imports.recordStatus')}>
        <Select
          style={{ maxWidth: 260 }}
          value={draft.recordStatus}
          onChange={(recordStatus) => onChange({ recordStatus })}
          options={(['submitted', 'approved', 'draft'] as const).map((v) => ({
            value: v,
            label: t(`imports.status.${v}`),
          }))}
        />
      </Form.Item>
    </Form>
  );
}
