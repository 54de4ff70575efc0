import { Button, Card, Col, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../runtime/core/index.ts';
import type { RendererLocale, RendererServices } from '../../runtime/react/index.ts';
import type { FieldRow } from './field-tree.ts';
import { FieldsTable } from './FieldsTable.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import type { FieldEdit, TemplateAnalysis } from './types.ts';
import { WarningsTable } from './WarningsTable.tsx';

/** The import report beside a live preview: fields to fix, warnings to read. */
export function ReviewStep(props: {
  analysis: TemplateAnalysis;
  rows: FieldRow[];
  reviewed: FormDefinition;
  editCount: number;
  locale: RendererLocale;
  services?: RendererServices;
  isNarrow: boolean;
  onEdit: (row: FieldRow, patch: FieldEdit) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { report, sheets } = props.analysis;
  const analysed = sheets.filter((s) => s.isSelected).map((s) => s.name);
  // shown above and below the long review; the test ids name the top one
  const navigation = (place: 'top' | 'bottom') => (
    <Flex gap={8} wrap>
      <Button onClick={props.onBack} data-testid={place === 'top' ? 'review-back' : undefined}>
        {t('templateImport.back')}
      </Button>
      <Button type="primary" onClick={props.onNext} data-testid={place === 'top' ? 'review-next' : undefined}>
        {t('templateImport.toSave')}
      </Button>
    </Flex>
  );
  return (
    <Flex vertical gap={16} data-testid="template-review-step">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={4} wrap data-testid="review-summary">
          <Tag color="blue" data-testid="review-element-count" data-count={report.elements.length}>
            {t('templateImport.elementCount', { count: report.elements.length })}
          </Tag>
          <Tag
            color={report.warnings.length > 0 ? 'orange' : 'green'}
            data-testid="review-warning-count"
            data-count={report.warnings.length}
          >
            {t('templateImport.warningCount', { count: report.warnings.length })}
          </Tag>
          {props.editCount > 0 && <Tag>{t('templateImport.editCount', { count: props.editCount })}</Tag>}
          <Tag>{t('templateImport.analysedSheets', { sheets: analysed.join(', ') })}</Tag>
        </Flex>
        {navigation('top')}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('templateImport.fields')}>
              <FieldsTable rows={props.rows} isNarrow={props.isNarrow} onEdit={props.onEdit} />
            </Card>
            <Card size="small" title={t('templateImport.warnings')}>
              <WarningsTable warnings={report.warnings} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            size="small"
            title={t('templateImport.preview')}
            style={props.isNarrow ? undefined : { position: 'sticky', top: 80 }}
            styles={
              props.isNarrow ? undefined : { body: { maxHeight: 'calc(100vh - 160px)', overflow: 'auto' } }
            }
          >
            <PreviewPane
              definition={props.reviewed}
              rows={props.rows}
              locale={props.locale}
              services={props.services}
              isNarrow={props.isNarrow}
            />
          </Card>
        </Col>
      </Row>
      <Flex justify="flex-end">{navigation('bottom')}</Flex>
    </Flex>
  );
}
