import { CloudUploadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../runtime/core/index.ts';
import { compilePreview } from './preview.ts';

/** Title, then save as a draft form or save and publish version 1. */
export function SaveStep(props: {
  title: string;
  titleCell: string | null;
  definition: FormDefinition;
  onTitle: (title: string) => void;
  onBack: () => void;
  /** rejects when the form could not be created (the error is described by `describeError`) */
  onSave: (isPublishing: boolean) => Promise<void>;
  describeError: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'draft' | 'publish' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useMemo(() => compilePreview(props.definition), [props.definition]);
  const hasTitle = props.title.trim() !== '';
  const canSave = hasTitle && check.isValid && busy === null;
  const canPublish = canSave && check.isValid && check.formulaProblems.length === 0;

  const save = async (isPublishing: boolean) => {
    setBusy(isPublishing ? 'publish' : 'draft');
    setError(null);
    try {
      await props.onSave(isPublishing);
    } catch (e) {
      setError(props.describeError(e));
      setBusy(null);
    }
  };

  return (
    <Card data-testid="template-save-step" style={{ maxWidth: 720 }}>
      <Form layout="vertical" requiredMark={false} onFinish={() => undefined}>
        <Form.Item
          label={t('templateImport.formTitle')}
          validateStatus={hasTitle ? undefined : 'error'}
          help={
            hasTitle
              ? props.titleCell && t('templateImport.titleFrom', { cell: props.titleCell })
              : t('templateImport.titleRequired')
          }
        >
          <Input
            value={props.title}
            maxLength={200}
            onChange={(e) => props.onTitle(e.target.value)}
            data-testid="template-save-title"
          />
        </Form.Item>
      </Form>
      <Flex vertical gap={12}>
        {!check.isValid && (
          <Alert
            type="error"
            showIcon
            title={t('templateImport.fixBeforeSaving')}
            data-testid="save-blocked"
          />
        )}
        {check.isValid && check.formulaProblems.length > 0 && (
          <Alert type="warning" showIcon title={t('templateImport.fixBeforePublishing')} />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="template-save-error" />}
        <Typography.Text type="secondary">{t('templateImport.saveHint')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button onClick={props.onBack} disabled={busy !== null} data-testid="template-save-back">
            {t('templateImport.back')}
          </Button>
          <Button
            icon={<SaveOutlined />}
            disabled={!canSave}
            loading={busy === 'draft'}
            onClick={() => void save(false)}
            data-testid="template-save-draft"
          >
            {t('templateImport.saveDraft')}
          </Button>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!canPublish}
            loading={busy === 'publish'}
            onClick={() => void save(true)}
            data-testid="template-save-publish"
          >
            {t('templateImport.savePublish')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
