import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateAnalysis } from './types.ts';

/** Which sheets to analyse: the server's choice ticked, hidden sheets marked. */
export function SheetsStep(props: {
  file: File;
  analysis: TemplateAnalysis;
  isAnalysing: boolean;
  error: string | null;
  onBack: () => void;
  onContinue: (sheets: string[]) => void;
}) {
  const { t } = useTranslation();
  const { analysis } = props;
  const analysed = analysis.sheets.filter((s) => s.isSelected).map((s) => s.name);
  const [chosen, setChosen] = useState<string[]>(analysed);
  const isChanged = chosen.length !== analysed.length || chosen.some((name) => !analysed.includes(name));
  const toggle = (name: string, isOn: boolean) =>
    setChosen((list) =>
      // keep the workbook's order
      analysis.sheets.map((s) => s.name).filter((n) => (n === name ? isOn : list.includes(n))),
    );

  return (
    <Flex vertical gap={16} data-testid="template-sheets">
      <Flex align="center" gap={8} wrap>
        <FileExcelOutlined />
        <Typography.Text strong>{props.file.name}</Typography.Text>
        <Tag>{analysis.format}</Tag>
        {analysis.encoding && <Tag>{analysis.encoding}</Tag>}
      </Flex>
      <Typography.Text type="secondary">{t('templateImport.sheetsHint')}</Typography.Text>
      {props.error && <Alert type="error" showIcon title={props.error} data-testid="template-sheets-error" />}
      <Flex vertical gap={8}>
        {analysis.sheets.map((sheet) => (
          <div key={sheet.name} data-testid="template-sheet" data-sheet={sheet.name}>
            <Checkbox
              checked={chosen.includes(sheet.name)}
              onChange={(e) => toggle(sheet.name, e.target.checked)}
            >
              <Flex gap={8} wrap align="center">
                <Typography.Text>{sheet.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('templateImport.sheetSize', { rows: sheet.rowCount, columns: sheet.columnCount })}
                </Typography.Text>
                {sheet.isHidden && <Tag color="default">{t('templateImport.hiddenSheet')}</Tag>}
              </Flex>
            </Checkbox>
          </div>
        ))}
      </Flex>
      <Flex gap={8} wrap>
        <Button onClick={props.onBack} data-testid="template-sheets-back">
          {t('templateImport.otherFile')}
        </Button>
        <Button
          type="primary"
          disabled={chosen.length === 0}
          loading={props.isAnalysing}
          onClick={() => props.onContinue(chosen)}
          data-testid="template-sheets-continue"
        >
          {isChanged ? t('templateImport.reanalyse') : t('templateImport.continue')}
        </Button>
      </Flex>
    </Flex>
  );
}
