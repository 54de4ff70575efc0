import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_TYPES, type Rule } from '../../../builder/excel-import/cleansing/index.ts';
import { formatEntries, parseEntries } from './draft.ts';

function defaultRule(type: Rule['type']): Rule {
  switch (type) {
    case 'case':
      return { type, to: 'upper' };
    case 'valueMap':
      return { type, entries: [], onMissing: 'keep' };
    case 'alias':
      return { type, entries: [] };
    case 'length':
      return { type, max: 100, onOverflow: 'error' };
    case 'date':
      return { type };
    case 'number':
      return { type };
    default:
      return { type } as Rule;
  }
}

/** The cleansing rules of one column, edited in a modal; they run in order, before the field's own conversion. */
export function RulesEditor({
  title,
  rules,
  onChange,
}: {
  title: string;
  rules: Rule[];
  onChange: (rules: Rule[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Rule[]>(rules);
  const update = (i: number, rule: Rule) => setDraft(draft.map((r, j) => (j === i ? rule : r)));

  return (
    <>
      <Button size="small" onClick={() => (setDraft(rules), setOpen(true))} data-testid="rules-button">
        {rules.length ? t('imports.rulesCount', { count: rules.length }) : t('imports.addRules')}
      </Button>
      <Modal
        open={open}
        title={t('imports.rulesTitle', { column: title })}
        onCancel={() => setOpen(false)}
        onOk={() => (onChange(draft), setOpen(false))}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('imports.rulesHint')}</Typography.Paragraph>
        <Flex vertical gap={8}>
          {draft.map((rule, i) => (
            <Flex key={i} gap={8} align="start" wrap>
              <Select
                style={{ width: 170 }}
                value={rule.type}
                onChange={(type) => update(i, defaultRule(type))}
                options={RULE_TYPES.map((type) => ({ value: type, label: t(`imports.ruleType.${type}`) }))}
              />
              <RuleParams rule={rule} onChange={(next) => update(i, next)} />
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => setDraft(draft.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDraft([...draft, defaultRule('trim')])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('imports.addRule')}
          </Button>
        </Flex>
      </Modal>
    </>
  );
}

function RuleParams({ rule, onChange }: { rule: Rule; onChange: (rule: Rule) => void }) {
  const { t } = useTranslation();
  switch (rule.type) {
    case 'case':
      return (
        <Select
          style={{ width: 140 }}
          value={rule.to}
          onChange={(to) => onChange({ ...rule, to })}
          options={(['upper', 'lower', 'title'] as const).map((v) => ({
            value: v,
            label: t(`imports.case.${v}`),
          }))}
        />
      );
    case 'number':
      return (
        <Select
          style={{ width: 180 }}
          value={rule.decimalSeparator ?? '.'}
          onChange={(decimalSeparator) => onChange({ ...rule, decimalSeparator })}
          options={[
            { value: '.', label: t('imports.decimalPoint') },
            { value: ',', label: t('imports.decimalComma') },
          ]}
        />
      );
    case 'date':
      return (
        <Space wrap>
          <Input
            style={{ width: 170 }}
            placeholder={t('imports.timeZone')}
            value={rule.timeZone ?? ''}
            onChange={(e) => onChange({ ...rule, timeZone: e.target.value || undefined })}
          />
          <Select
            style={{ width: 150 }}
            value={rule.order ?? 'mdy'}
            onChange={(order) => onChange({ ...rule, order })}
            options={[
              { value: 'mdy', label: 'M/D/YYYY' },
              { value: 'dmy', label: 'D/M/YYYY' },
            ]}
          />
        </Space>
      );
    case 'valueMap':
    case 'alias':
      return (
        <Space direction="vertical" style={{ flex: '1 1 220px' }}>
          <Input.TextArea
            rows={3}
            placeholder={rule.type === 'alias' ? '北分=北京分公司' : '1=男\nM=男'}
            defaultValue={formatEntries(rule.entries)}
            onBlur={(e) => onChange({ ...rule, entries: parseEntries(e.target.value) })}
          />
          {rule.type === 'valueMap' && (
            <Select
              style={{ width: 200 }}
              value={rule.onMissing ?? 'keep'}
              onChange={(onMissing) => onChange({ ...rule, onMissing })}
              options={[
                { value: 'keep', label: t('imports.onMissingKeep') },
                { value: 'error', label: t('imports.onMissingError') },
              ]}
            />
          )}
        </Space>
      );
    case 'length':
      return (
        <Space wrap>
          <InputNumber
            min={1}
            max={100000}
            value={rule.max}
            onChange={(max) => onChange({ ...rule, max: max ?? 1 })}
          />
          <Select
            style={{ width: 140 }}
            value={rule.onOverflow}
            onChange={(onOverflow) => onChange({ ...rule, onOverflow })}
            options={[
              { value: 'truncate', label: t('imports.truncate') },
              { value: 'error', label: t('imports.refuse') },
            ]}
          />
        </Space>
      );
    default:
      return null;
  }
}
