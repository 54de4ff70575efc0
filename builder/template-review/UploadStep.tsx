import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/** The template formats the server reads. */
export const TEMPLATE_ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv';

export function UploadStep(props: {
  isAnalysing: boolean;
  error: string | null;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {props.error && (
        <Alert
          type="error"
          showIcon
          title={t('templateImport.uploadFailed')}
          description={props.error}
          data-testid="template-upload-error"
        />
      )}
      <Spin spinning={props.isAnalysing} description={t('templateImport.analysing')}>
        <div data-testid="template-upload">
          <Upload.Dragger
            accept={TEMPLATE_ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={props.isAnalysing}
            beforeUpload={(file) => {
              props.onFile(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('templateImport.drop')}</p>
            <p className="ant-upload-hint">{t('templateImport.dropHint')}</p>
          </Upload.Dragger>
        </div>
      </Spin>
    </Flex>
  );
}
